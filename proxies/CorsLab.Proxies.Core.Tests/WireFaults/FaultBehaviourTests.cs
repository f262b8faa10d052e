using System.Net.Sockets;
using System.Text;
using CorsLab.Proxies.Core.Faults;

namespace CorsLab.Proxies.Core.Tests.WireFaults;

/// <summary>
/// The faults that change what crosses the wire, checked on the wire in every engine against the same engine clean:
/// relay-connection-close, hold-continue, pool-limit, no-timeout and no-stale-check. (The Nagle faults show only as timing; the
/// diagnose self-check proves those.)
/// </summary>
public sealed class FaultBehaviourTests
{
    private const string CloseResponse = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok";
    private const string KeepAliveResponse = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";

    /// <summary>Every wait for an answer that must come; far beyond any engine's normal time.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    [Theory]
    [MemberData(nameof(TestEngines.Names), MemberType = typeof(TestEngines))]
    public async Task RelayConnectionClose_PutsTheUpstreamsCloseOnTheClientResponse(string engine)
    {
        await using var upstream = new ScriptedUpstream(CloseResponse);

        var clean = await ExchangeTwiceAsync(engine, Fault.None, upstream);
        var faulty = await ExchangeTwiceAsync(engine, Fault.RelayConnectionClose, upstream);

        Assert.DoesNotContain("Connection: close", clean.First, StringComparison.OrdinalIgnoreCase);
        Assert.True(clean.SecondAnswered, $"{engine} clean closed the client connection");
        Assert.Contains("Connection: close", faulty.First, StringComparison.OrdinalIgnoreCase);
        Assert.False(faulty.SecondAnswered, $"{engine} with relay-connection-close kept the client connection");
    }

    [Theory]
    [MemberData(nameof(TestEngines.Names), MemberType = typeof(TestEngines))]
    public async Task HoldContinue_Sends100ContinueOnlyWhenClean(string engine)
    {
        await using var upstream = new ScriptedUpstream(KeepAliveResponse);

        // The clean engine's 100 must come, however busy the machine; the faulty one's is looked for for 1 s.
        var clean = await PostWithExpectAsync(engine, Fault.None, upstream, Bound);
        var faulty = await PostWithExpectAsync(engine, Fault.HoldContinue, upstream, TimeSpan.FromSeconds(1));

        Assert.StartsWith("HTTP/1.1 100 Continue", clean.Interim, StringComparison.Ordinal);
        Assert.Equal("", faulty.Interim);
        Assert.StartsWith("HTTP/1.1 200", faulty.Final, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestEngines.Names), MemberType = typeof(TestEngines))]
    public async Task PoolLimit_CarriesConcurrentRequestsOverThatManyConnections(string engine)
    {
        await using var cleanUpstream = new ScriptedUpstream(KeepAliveResponse, TimeSpan.FromSeconds(1));
        await using var limitedUpstream = new ScriptedUpstream(KeepAliveResponse, TimeSpan.FromSeconds(1));

        await SendConcurrentlyAsync(engine, new ProxyOptions(), cleanUpstream, 3);
        await SendConcurrentlyAsync(engine, new ProxyOptions { Faults = Fault.PoolLimit, PoolLimit = 1 }, limitedUpstream, 3);

        Assert.True(cleanUpstream.Connections >= 2, $"{engine} clean used {cleanUpstream.Connections} upstream connection(s) for 3 concurrent requests");
        Assert.Equal(1, limitedUpstream.Connections);
    }

    [Theory]
    [MemberData(nameof(TestEngines.Names), MemberType = typeof(TestEngines))]
    public async Task NoTimeout_WaitsOutAnUpstreamSlowerThanTheHeadTimeout(string engine)
    {
        await using var upstream = new ScriptedUpstream(KeepAliveResponse, TimeSpan.FromSeconds(3));
        var limits = new ProxyLimits { ResponseHeadTimeout = TimeSpan.FromSeconds(1) };

        var clean = await GetAsync(engine, new ProxyOptions { Limits = limits }, upstream);
        var faulty = await GetAsync(engine, new ProxyOptions { Limits = limits, Faults = Fault.NoTimeout }, upstream);

        Assert.StartsWith("HTTP/1.1 504", clean, StringComparison.Ordinal);
        Assert.StartsWith("HTTP/1.1 200", faulty, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestEngines.Names), MemberType = typeof(TestEngines))]
    public async Task NoStaleCheck_FailsTheFirstRequestAfterTheUpstreamClosedAnIdleConnection(string engine)
    {
        await using var upstream = new ScriptedUpstream(KeepAliveResponse, idleClose: TimeSpan.FromMilliseconds(100));

        var clean = await GetAcrossAnIdleCloseAsync(engine, Fault.None, upstream);
        var faulty = await GetAcrossAnIdleCloseAsync(engine, Fault.NoStaleCheck, upstream);

        Assert.StartsWith("HTTP/1.1 200", clean, StringComparison.Ordinal);
        Assert.StartsWith("HTTP/1.1 502", faulty, StringComparison.Ordinal);
    }

    /// <summary>
    /// A GET, then another on a new client connection once the upstream has closed the first's idle upstream
    /// connection (its idle timeout is 100 ms; the second request comes 1 s later): the second response.
    /// </summary>
    private static async Task<string> GetAcrossAnIdleCloseAsync(string engine, Fault faults, ScriptedUpstream upstream)
    {
        await using var proxy = await RunningEngine.StartAsync(engine, new ProxyOptions { Faults = faults });
        var request = Encoding.ASCII.GetBytes($"GET /?url={upstream.Target("/")} HTTP/1.1\r\nHost: proxy\r\n\r\n");
        using (var first = await ConnectAsync(proxy))
        {
            await first.SendAsync(request, SocketFlags.None);
            Assert.StartsWith("HTTP/1.1 200", await ReadResponseAsync(first), StringComparison.Ordinal);
        }

        await Task.Delay(TimeSpan.FromSeconds(1));
        using var second = await ConnectAsync(proxy);
        await second.SendAsync(request, SocketFlags.None);
        return await ReadResponseAsync(second);
    }

    /// <summary>Two GETs on one client connection: the first response, and whether the second got any answer.</summary>
    private static async Task<(string First, bool SecondAnswered)> ExchangeTwiceAsync(string engine, Fault faults, ScriptedUpstream upstream)
    {
        await using var proxy = await RunningEngine.StartAsync(engine, new ProxyOptions { Faults = faults });
        using var client = await ConnectAsync(proxy);
        var request = Encoding.ASCII.GetBytes($"GET /?url={upstream.Target("/")} HTTP/1.1\r\nHost: proxy\r\n\r\n");
        await client.SendAsync(request, SocketFlags.None);
        var first = await ReadResponseAsync(client);
        try
        {
            await client.SendAsync(request, SocketFlags.None);
            return (first, (await ReadResponseAsync(client)).Length > 0);
        }
        catch (SocketException)
        {
            return (first, false);
        }
    }

    /// <summary>A POST head with <c>Expect: 100-continue</c>; what came within <paramref name="interimWait"/>, then the final response once the body was sent.</summary>
    private static async Task<(string Interim, string Final)> PostWithExpectAsync(string engine, Fault faults, ScriptedUpstream upstream, TimeSpan interimWait)
    {
        await using var proxy = await RunningEngine.StartAsync(engine, new ProxyOptions { Faults = faults });
        using var client = await ConnectAsync(proxy);
        await client.SendAsync(Encoding.ASCII.GetBytes($"POST /?url={upstream.Target("/")} HTTP/1.1\r\nHost: proxy\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n"), SocketFlags.None);
        var interim = "";
        if (client.Poll(interimWait, SelectMode.SelectRead))
        {
            var buffer = new byte[4096];
            interim = Encoding.ASCII.GetString(buffer, 0, await client.ReceiveAsync(buffer, SocketFlags.None));
            if (!interim.StartsWith("HTTP/1.1 100", StringComparison.Ordinal))
            {
                return (interim, interim);
            }
        }

        await client.SendAsync("hello"u8.ToArray(), SocketFlags.None);
        return (interim, await ReadResponseAsync(client));
    }

    private static async Task SendConcurrentlyAsync(string engine, ProxyOptions options, ScriptedUpstream upstream, int count)
    {
        await using var proxy = await RunningEngine.StartAsync(engine, options);
        var answers = await Task.WhenAll(Enumerable.Range(0, count).Select(async _ =>
        {
            using var client = await ConnectAsync(proxy);
            await client.SendAsync(Encoding.ASCII.GetBytes($"GET /?url={upstream.Target("/")} HTTP/1.1\r\nHost: proxy\r\n\r\n"), SocketFlags.None);
            return await ReadResponseAsync(client);
        }));
        Assert.All(answers, answer => Assert.StartsWith("HTTP/1.1 200", answer, StringComparison.Ordinal));
    }

    private static async Task<string> GetAsync(string engine, ProxyOptions options, ScriptedUpstream upstream)
    {
        await using var proxy = await RunningEngine.StartAsync(engine, options);
        using var client = await ConnectAsync(proxy);
        await client.SendAsync(Encoding.ASCII.GetBytes($"GET /?url={upstream.Target("/")} HTTP/1.1\r\nHost: proxy\r\n\r\n"), SocketFlags.None);
        return await ReadResponseAsync(client);
    }

    private static async Task<Socket> ConnectAsync(RunningEngine proxy)
    {
        var client = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await client.ConnectAsync(proxy.Url.Host, proxy.Url.Port);
        return client;
    }

    /// <summary>One response whose body is Content-Length framed (every answer here is), or what came before the close.</summary>
    private static async Task<string> ReadResponseAsync(Socket client)
    {
        using var bound = new CancellationTokenSource(Bound);
        var received = new StringBuilder();
        var buffer = new byte[4096];
        while (!IsComplete(received.ToString()))
        {
            int read;
            try
            {
                read = await client.ReceiveAsync(buffer, SocketFlags.None, bound.Token);
            }
            catch (SocketException)
            {
                break;
            }

            if (read == 0)
            {
                break;
            }

            received.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        return received.ToString();
    }

    private static bool IsComplete(string text)
    {
        var headEnd = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (headEnd < 0)
        {
            return false;
        }

        var length = text[..headEnd].Split("\r\n")
            .FirstOrDefault(line => line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)) is { } header
            ? int.Parse(header["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture)
            : 0;
        return text.Length >= headEnd + 4 + length;
    }
}
