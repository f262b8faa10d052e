using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CorsLab.Proxies.Core.Tests.Framing;

/// <summary>
/// A raw HTTP/1.1 upstream on 127.0.0.1 that records the head of every request it receives and answers by path: a scripted
/// response for the paths in <see cref="Responses"/>, otherwise nothing. An unanswered request is held until the engine
/// closes the connection, so a request that should never have been forwarded is recorded and cannot complete with a 200.
/// </summary>
public sealed class RecordingUpstream : IAsyncDisposable
{
    /// <summary>Raw responses by request path; each closes the connection, so no engine reuses it.</summary>
    public static readonly IReadOnlyDictionary<string, string> Responses = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["/ok"] = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok",
        ["/two-lengths"] = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\nConnection: close\r\n\r\nok",
        ["/equal-lengths"] = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok",
        ["/signed-length"] = "HTTP/1.1 200 OK\r\nContent-Length: +2\r\nConnection: close\r\n\r\nok",
        ["/length-and-chunked"] = "HTTP/1.1 200 OK\r\nContent-Length: 20\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n2\r\nok\r\n0\r\n\r\n",
    };

    private const int MaxHeadBytes = 64 * 1024;

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly ConcurrentQueue<string> _requestLines = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    public RecordingUpstream()
    {
        _listener.Start();
        Url = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");
        _accepting = AcceptAsync();
    }

    public Uri Url { get; }

    /// <summary>Whether a request for <paramref name="path"/> reached this upstream.</summary>
    public bool Received(string path) => _requestLines.Any(line => line.Contains($" {path} ", StringComparison.Ordinal));

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        var connections = new List<Task>();
        try
        {
            while (true)
            {
                connections.Add(ServeAsync(await _listener.AcceptSocketAsync(_stop.Token)));
            }
        }
        catch (OperationCanceledException)
        {
        }

        await Task.WhenAll(connections);
    }

    private async Task ServeAsync(Socket socket)
    {
        using (socket)
        {
            try
            {
                var head = await ReadHeadAsync(socket);
                if (head is null)
                {
                    return;
                }

                var requestLine = head[..head.IndexOf("\r\n", StringComparison.Ordinal)];
                _requestLines.Enqueue(requestLine);
                var path = requestLine.Split(' ')[1];
                if (Responses.TryGetValue(path, out var response))
                {
                    await socket.SendAsync(Encoding.Latin1.GetBytes(response), SocketFlags.None, _stop.Token);
                    socket.Shutdown(SocketShutdown.Send);
                }

                // Until the engine closes: a held request stays open, an answered one is not reset under the engine's reads.
                await DrainAsync(socket);
            }
            catch (Exception error) when (error is SocketException or OperationCanceledException)
            {
            }
        }
    }

    private async Task<string?> ReadHeadAsync(Socket socket)
    {
        var received = new StringBuilder();
        var buffer = new byte[4096];
        while (received.Length < MaxHeadBytes)
        {
            var read = await socket.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
            if (read == 0)
            {
                return null;
            }

            received.Append(Encoding.Latin1.GetString(buffer, 0, read));
            var text = received.ToString();
            var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (end >= 0)
            {
                return text[..(end + 2)];
            }
        }

        return null;
    }

    private async Task DrainAsync(Socket socket)
    {
        var buffer = new byte[4096];
        while (await socket.ReceiveAsync(buffer, SocketFlags.None, _stop.Token) > 0)
        {
        }
    }
}
