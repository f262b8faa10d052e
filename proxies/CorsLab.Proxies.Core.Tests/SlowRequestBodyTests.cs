using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CorsLab.Proxies.Core.Tests;

/// <summary>
/// A client that trickles its request body (one byte at a time, never finishing) must not hold the exchange and
/// its upstream connection past the upstream head timeout: every engine answers 504 once the head is overdue,
/// however recently the last body byte came. The upstream here reads and never answers.
/// </summary>
public sealed class SlowRequestBodyTests
{
    private static readonly TimeSpan HeadTimeout = TimeSpan.FromSeconds(1);

    /// <summary>Far beyond the head timeout: a trickle still unanswered by then was held, not timed out.</summary>
    private static readonly TimeSpan TrickleBound = TimeSpan.FromSeconds(15);

    private static readonly TimeSpan TrickleInterval = TimeSpan.FromMilliseconds(200);

    [Theory]
    [MemberData(nameof(TestEngines.Names), MemberType = typeof(TestEngines))]
    public async Task TrickledBody_UpstreamSilent_Gets504AtTheHeadTimeout(string engine)
    {
        using var upstream = new TcpListener(IPAddress.Loopback, 0);
        upstream.Start();
        using var upstreamDone = new CancellationTokenSource();
        var reading = SwallowAsync(upstream, upstreamDone.Token);
        var options = new ProxyOptions { Limits = new ProxyLimits { ResponseHeadTimeout = HeadTimeout } };
        using var stop = new CancellationTokenSource();
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = TestEngines.Create(engine).RunAsync(options, listening.SetResult, stop.Token);
        try
        {
            var proxy = await listening.Task.WaitAsync(TimeSpan.FromSeconds(10));
            var target = Uri.EscapeDataString($"http://127.0.0.1:{((IPEndPoint)upstream.LocalEndpoint).Port}/upload");
            using var client = new Socket(SocketType.Stream, ProtocolType.Tcp);
            await client.ConnectAsync(proxy.Host, proxy.Port);
            await client.SendAsync(Encoding.ASCII.GetBytes(
                $"POST /?url={target} HTTP/1.1\r\nHost: proxy\r\nContent-Length: 1000\r\n\r\n"), SocketFlags.None);

            var status = await TrickleUntilAnsweredAsync(client);

            Assert.True(status is not null, $"{engine} still held a trickled request after {TrickleBound.TotalSeconds} s (head timeout {HeadTimeout.TotalSeconds} s)");
            Assert.StartsWith("HTTP/1.1 504", status, StringComparison.Ordinal);
        }
        finally
        {
            await upstreamDone.CancelAsync();
            await stop.CancelAsync();
            await running.WaitAsync(TimeSpan.FromSeconds(20));
            await reading;
        }
    }

    /// <summary>Sends a body byte every <see cref="TrickleInterval"/> until the proxy answers; null when it never does within the bound.</summary>
    private static async Task<string?> TrickleUntilAnsweredAsync(Socket client)
    {
        var answer = new byte[256];
        var receive = client.ReceiveAsync(answer, SocketFlags.None);
        using var bound = new CancellationTokenSource(TrickleBound);
        for (var sent = 0; sent < 999 && !bound.IsCancellationRequested; sent++)
        {
            if (await Task.WhenAny(receive, Task.Delay(TrickleInterval, CancellationToken.None)) == receive)
            {
                break;
            }

            try
            {
                await client.SendAsync("x"u8.ToArray(), SocketFlags.None);
            }
            catch (SocketException)
            {
                break; // the proxy answered and closed meanwhile: its answer is in the receive
            }
        }

        if (!receive.IsCompleted)
        {
            return null;
        }

        var read = await receive;
        return Encoding.Latin1.GetString(answer, 0, read);
    }

    /// <summary>The silent upstream: accepts, reads whatever comes, never answers.</summary>
    private static async Task SwallowAsync(TcpListener upstream, CancellationToken done)
    {
        var held = new List<Socket>();
        try
        {
            while (true)
            {
                var socket = await upstream.AcceptSocketAsync(done);
                held.Add(socket);
                _ = DrainAsync(socket, done);
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            held.ForEach(socket => socket.Dispose());
        }
    }

    private static async Task DrainAsync(Socket socket, CancellationToken done)
    {
        var buffer = new byte[4096];
        try
        {
            while (await socket.ReceiveAsync(buffer, SocketFlags.None, done) > 0)
            {
            }
        }
        catch (Exception error) when (error is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
    }
}
