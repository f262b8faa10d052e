using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CorsLab.Proxies.Pipelines.Tests;

/// <summary>Pooled upstream connections against a raw upstream on 127.0.0.1 that closes connections when it likes.</summary>
[Collection(EngineCollection.Name)]
public sealed class UpstreamLivenessTests(EngineFixture lab)
{
    [Fact]
    public async Task PooledConnectionTheUpstreamClosedWhileIdle_IsNotReused()
    {
        using var upstream = new ClosingUpstream();
        using var first = await lab.Client.GetAsync(Proxied(upstream, "/a"));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        // The upstream closes the idle connection; give the FIN time to reach the engine's pending receive.
        await upstream.FirstClosed.WaitAsync(TimeSpan.FromSeconds(10));
        await Task.Delay(200);

        // A request with a body is never retried: on the stale connection it would fail with 502.
        using var content = new StringContent("hello");
        using var second = await lab.Client.PostAsync(Proxied(upstream, "/b"), content);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(2, upstream.Accepted);
    }

    private Uri Proxied(ClosingUpstream upstream, string path) =>
        new(lab.Engine.Url, "/?url=" + Uri.EscapeDataString($"http://127.0.0.1:{upstream.Port}{path}"));

    /// <summary>Answers one request per connection with keep-alive, then closes the connection (FIN).</summary>
    private sealed class ClosingUpstream : IDisposable
    {
        private readonly Socket _listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        private readonly TaskCompletionSource _firstClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _accepted;

        public ClosingUpstream()
        {
            _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            _listener.Listen(8);
            Port = ((IPEndPoint)_listener.LocalEndPoint!).Port;
            _ = AcceptAsync();
        }

        public int Port { get; }

        public int Accepted => Volatile.Read(ref _accepted);

        public Task FirstClosed => _firstClosed.Task;

        public void Dispose() => _listener.Dispose();

        private async Task AcceptAsync()
        {
            while (true)
            {
                Socket connection;
                try
                {
                    connection = await _listener.AcceptAsync();
                }
                catch (Exception error) when (error is SocketException or ObjectDisposedException)
                {
                    return;
                }

                Interlocked.Increment(ref _accepted);
                using (connection)
                {
                    await AnswerOneAsync(connection);
                    connection.Shutdown(SocketShutdown.Both);
                }

                _firstClosed.TrySetResult();
            }
        }

        private static async Task AnswerOneAsync(Socket connection)
        {
            var received = new StringBuilder();
            var buffer = new byte[4096];
            while (true)
            {
                var read = await connection.ReceiveAsync(buffer, SocketFlags.None);
                if (read == 0)
                {
                    return;
                }

                received.Append(Encoding.Latin1.GetString(buffer, 0, read));
                var text = received.ToString();
                var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
                if (end < 0)
                {
                    continue;
                }

                var length = text.Contains("Content-Length: 5", StringComparison.OrdinalIgnoreCase) ? 5 : 0;
                if (text.Length >= end + 4 + length)
                {
                    await connection.SendAsync("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"u8.ToArray(), SocketFlags.None);
                    return;
                }
            }
        }
    }
}
