using System.Net;
using System.Net.Sockets;
using System.Text;
using CorsLab.Diagnostics.Output;

namespace CorsLab.Diagnostics.Tests;

/// <summary>
/// <c>diagnose --upstream-url</c>: the user's own upstream (here a bare keep-alive HTTP server that keeps no timings)
/// requested through an engine and direct. The rules that need the origin's timings say "not checked"; the others judge.
/// </summary>
[Collection(EndToEnd.Name)]
public sealed class UpstreamUrlTests
{
    [Fact]
    public async Task UsersUpstream_IsRequestedAndTimingRulesSayNotChecked()
    {
        await using var upstream = new CountingUpstream();
        var json = Path.Combine(Path.GetTempPath(), $"corslab-upstream-{Guid.NewGuid():N}.json");
        try
        {
            var (exit, output) = await Corslab.RunAsync(TimeSpan.FromMinutes(3), "diagnose", "--engine", "pipelines", "--upstream-url", upstream.Url, "--json", json);
            var findings = FindingsDocument.Parse(await File.ReadAllTextAsync(json));

            Assert.True(exit == 0, output);
            Assert.Equal(["small-get", "reuse"], findings.Scenarios);
            Assert.True(upstream.Requests >= 200, $"the upstream saw {upstream.Requests} requests\n{output}");
            Assert.Contains("not checked: connection-churn (needs the lab origin's timings", output, StringComparison.Ordinal);
            Assert.Contains(findings.Findings, finding => finding.Id == "proxy-overhead");
            Assert.DoesNotContain(findings.Findings, finding => finding.IsWarnOrAbove);
        }
        finally
        {
            File.Delete(json);
        }
    }

    /// <summary>Answers every request on any keep-alive connection with a 1 KB body and counts them.</summary>
    private sealed class CountingUpstream : IAsyncDisposable
    {
        private static readonly byte[] Response = Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Length: 1024\r\nContent-Type: text/plain\r\n\r\n{new string('x', 1024)}");

        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _done = new();
        private readonly Task _accepting;
        private int _requests;

        public CountingUpstream()
        {
            _listener.Start();
            _accepting = AcceptAsync();
        }

        public string Url => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/api/items";

        public int Requests => Volatile.Read(ref _requests);

        public async ValueTask DisposeAsync()
        {
            await _done.CancelAsync();
            _listener.Stop();
            await _accepting;
            _done.Dispose();
        }

        private async Task AcceptAsync()
        {
            var served = new List<Task>();
            try
            {
                while (true)
                {
                    served.Add(ServeAsync(await _listener.AcceptSocketAsync(_done.Token)));
                }
            }
            catch (Exception error) when (error is OperationCanceledException or SocketException or ObjectDisposedException)
            {
            }

            await Task.WhenAll(served);
        }

        private async Task ServeAsync(Socket socket)
        {
            using (socket)
            {
                var buffer = new byte[16 * 1024];
                var held = 0;
                try
                {
                    while (true)
                    {
                        int headEnd;
                        while ((headEnd = buffer.AsSpan(0, held).IndexOf("\r\n\r\n"u8)) < 0)
                        {
                            var read = await socket.ReceiveAsync(buffer.AsMemory(held), SocketFlags.None, _done.Token);
                            if (read == 0)
                            {
                                return;
                            }

                            held += read;
                        }

                        buffer.AsSpan(headEnd + 4, held - headEnd - 4).CopyTo(buffer);
                        held -= headEnd + 4;
                        Interlocked.Increment(ref _requests);
                        await socket.SendAsync(Response, SocketFlags.None, _done.Token);
                    }
                }
                catch (Exception error) when (error is OperationCanceledException or SocketException or ObjectDisposedException)
                {
                }
            }
        }
    }
}
