using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CorsLab.Proxies.Core.Tests.WireFaults;

/// <summary>
/// A keep-alive HTTP/1.1 upstream on 127.0.0.1 that answers every request with one fixed response after a fixed
/// wait, answers <c>Expect: 100-continue</c>, reads a Content-Length body first, closes a connection that idles
/// longer than its idle timeout (when given), and counts the connections it accepted. What a fault does to the
/// upstream side shows in <see cref="Connections"/>; what it does to the client side, in the client's bytes.
/// </summary>
internal sealed class ScriptedUpstream : IAsyncDisposable
{
    private static readonly byte[] Continue = "HTTP/1.1 100 Continue\r\n\r\n"u8.ToArray();

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _done = new();
    private readonly byte[] _response;
    private readonly TimeSpan _wait;
    private readonly TimeSpan? _idleClose;
    private readonly Task _accepting;
    private int _connections;

    public ScriptedUpstream(string response, TimeSpan wait = default, TimeSpan? idleClose = null)
    {
        _response = Encoding.ASCII.GetBytes(response);
        _wait = wait;
        _idleClose = idleClose;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Connections => Volatile.Read(ref _connections);

    /// <summary>The URL of <paramref name="path"/> here, escaped for a proxy's <c>?url=</c>.</summary>
    public string Target(string path) => Uri.EscapeDataString($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}{path}");

    /// <summary>As <see cref="Target"/>, by the name <c>localhost</c>, for engines that must look a name up.</summary>
    public string TargetByName(string path) => Uri.EscapeDataString($"http://localhost:{((IPEndPoint)_listener.LocalEndpoint).Port}{path}");

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
                var socket = await _listener.AcceptSocketAsync(_done.Token);
                Interlocked.Increment(ref _connections);
                served.Add(ServeAsync(socket));
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
            var buffer = new byte[64 * 1024];
            var held = 0;
            var answered = false;
            try
            {
                while (true)
                {
                    var headEnd = -1;
                    while ((headEnd = Encoding.ASCII.GetString(buffer, 0, held).IndexOf("\r\n\r\n", StringComparison.Ordinal)) < 0)
                    {
                        if (answered && held == 0 && _idleClose is { } idle && !socket.Poll(idle, SelectMode.SelectRead))
                        {
                            socket.Shutdown(SocketShutdown.Both);
                            return;
                        }

                        var read = await socket.ReceiveAsync(buffer.AsMemory(held), SocketFlags.None, _done.Token);
                        if (read == 0)
                        {
                            return;
                        }

                        held += read;
                    }

                    var head = Encoding.ASCII.GetString(buffer, 0, headEnd);
                    if (head.Contains("Expect: 100-continue", StringComparison.OrdinalIgnoreCase))
                    {
                        await socket.SendAsync(Continue, SocketFlags.None, _done.Token);
                    }

                    var needed = headEnd + 4 + ContentLength(head);
                    while (held < needed)
                    {
                        var read = await socket.ReceiveAsync(buffer.AsMemory(held), SocketFlags.None, _done.Token);
                        if (read == 0)
                        {
                            return;
                        }

                        held += read;
                    }

                    buffer.AsSpan(needed, held - needed).CopyTo(buffer);
                    held -= needed;
                    await Task.Delay(_wait, _done.Token);
                    await socket.SendAsync(_response, SocketFlags.None, _done.Token);
                    answered = true;
                    if (Encoding.ASCII.GetString(_response).Contains("Connection: close", StringComparison.Ordinal))
                    {
                        socket.Shutdown(SocketShutdown.Both);
                        return;
                    }
                }
            }
            catch (Exception error) when (error is OperationCanceledException or SocketException or ObjectDisposedException)
            {
            }
        }
    }

    private static int ContentLength(string head)
    {
        foreach (var line in head.Split("\r\n"))
        {
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            {
                return int.Parse(line["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }
}
