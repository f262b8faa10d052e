using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using CorsLab.Components;

namespace CorsLab.Cli.Tests;

/// <summary>
/// An engine started under a low open-file limit (<c>prlimit</c>) and flooded with more connections than it can hold,
/// each waiting on an upstream that never answers: it holds at most its cap (those get the upstream-timeout 504),
/// closes the rest unanswered, stays alive (no EMFILE spin, no runtime abort), and serves again afterwards.
/// </summary>
[Collection(LabRunsCollection.Name)]
public sealed class DescriptorLimitTests
{
    private const int OpenFileLimit = 384;

    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    public static TheoryData<string> Engines => ["httpclient", "yarp", "pipelines"];

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task FloodBeyondTheDescriptorLimit_IsCapped_AndTheEngineLivesOn(string engine)
    {
        using var silent = new SilentUpstream();
        using var bound = new CancellationTokenSource(Bound);
        await using var proxy = await ComponentProcess.StartAsync(
            engine,
            ["proxy", "--engine", engine, "--urls", "http://127.0.0.1:0", "--upstream-timeout", "3s"],
            bound.Token,
            launcher: UnderOpenFileLimit);
        var url = new Uri(proxy.Ready["url"]);
        var cap = int.Parse(proxy.Ready["max_connections"], CultureInfo.InvariantCulture);
        Assert.InRange(cap, 1, OpenFileLimit / 3);

        var flood = new List<Socket>();
        try
        {
            var request = Encoding.ASCII.GetBytes($"GET /?url={Uri.EscapeDataString($"http://127.0.0.1:{silent.Port}/held")} HTTP/1.1\r\nHost: proxy\r\n\r\n");
            var answers = new List<Task<int>>();
            for (var i = 0; i < 3 * cap + 30; i++)
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                flood.Add(socket);
                await socket.ConnectAsync(url.Host, url.Port, bound.Token);
                answers.Add(ClosedOrAnsweredAsync(socket, request, bound.Token));
            }

            var results = await Task.WhenAll(answers);

            Assert.False(proxy.HasExited, $"{engine} exited under the flood");
            var closedUnanswered = results.Count(read => read == 0);
            Assert.True(closedUnanswered >= answers.Count - cap, $"{engine} closed only {closedUnanswered} of {answers.Count} connections with a cap of {cap} (answered {results.Count(read => read > 0)}, still held {results.Count(read => read < 0)})");
        }
        finally
        {
            flood.ForEach(socket => socket.Dispose());
        }

        using var recovery = new CancellationTokenSource(Bound);
        Assert.Equal("200", await HealthStatusOnceFreeAsync(url, recovery.Token));
        Assert.False(proxy.HasExited);
    }

    private static ProcessStartInfo UnderOpenFileLimit(ProcessStartInfo start)
    {
        var limited = new ProcessStartInfo("prlimit") { UseShellExecute = false };
        foreach (var argument in new[] { $"--nofile={OpenFileLimit}:{OpenFileLimit}", "--", start.FileName }.Concat(start.ArgumentList))
        {
            limited.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in start.Environment)
        {
            limited.Environment[key] = value;
        }

        return limited;
    }

    /// <summary>Sends the request; the byte count of the answer, 0 when the proxy closed without one, -1 when still held at the bound.</summary>
    private static async Task<int> ClosedOrAnsweredAsync(Socket socket, byte[] request, CancellationToken cancellationToken)
    {
        try
        {
            await socket.SendAsync(request, SocketFlags.None, cancellationToken);
            return await socket.ReceiveAsync(new byte[512], SocketFlags.None, cancellationToken);
        }
        catch (SocketException)
        {
            return 0; // reset: closed at once, as counted
        }
        catch (OperationCanceledException)
        {
            return -1;
        }
    }

    /// <summary>The status of <c>/healthcheck</c>, retried until the engine has let go of the flood; at the bound, what the last try saw.</summary>
    private static async Task<string> HealthStatusOnceFreeAsync(Uri url, CancellationToken cancellationToken)
    {
        var last = "no try";
        while (!cancellationToken.IsCancellationRequested)
        {
            using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            try
            {
                await socket.ConnectAsync(url.Host, url.Port, cancellationToken);
                await socket.SendAsync("GET /healthcheck HTTP/1.1\r\nHost: proxy\r\nConnection: close\r\n\r\n"u8.ToArray(), SocketFlags.None, cancellationToken);
                var buffer = new byte[256];
                var read = await socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);
                if (read >= 12)
                {
                    return Encoding.ASCII.GetString(buffer, 9, 3);
                }

                last = $"{read} bytes";
            }
            catch (SocketException error)
            {
                last = error.SocketErrorCode.ToString();
            }
            catch (OperationCanceledException)
            {
                break;
            }

            await Task.Delay(200, CancellationToken.None);
        }

        return last;
    }

    /// <summary>An upstream on 127.0.0.1 that accepts, reads, and never answers.</summary>
    private sealed class SilentUpstream : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();
        private readonly List<Socket> _held = [];

        public SilentUpstream()
        {
            _listener.Start(1024);
            _ = AcceptAsync();
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
            lock (_held)
            {
                _held.ForEach(socket => socket.Dispose());
            }

            _stop.Dispose();
        }

        private async Task AcceptAsync()
        {
            try
            {
                while (true)
                {
                    var socket = await _listener.AcceptSocketAsync(_stop.Token);
                    lock (_held)
                    {
                        _held.Add(socket);
                    }
                }
            }
            catch (Exception error) when (error is OperationCanceledException or SocketException or ObjectDisposedException)
            {
            }
        }
    }
}
