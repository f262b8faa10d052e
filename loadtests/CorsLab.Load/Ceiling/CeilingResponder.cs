using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CorsLab.Load.Ceiling;

/// <summary>
/// The trivial HTTP/1.1 server the load client is measured against, in the lab's own process on 127.0.0.1: it
/// answers <c>GET /bytes/N</c> with N bytes, <c>OPTIONS</c> with 204, and any request with a body (read and
/// dropped) with a short line, from prebuilt buffers and without timing anything. What the load client reaches
/// against it is as far as the lab itself can go on this machine. Anything else is a 404.
/// </summary>
public sealed class CeilingResponder : IAsyncDisposable
{
    private const int BufferSize = 64 * 1024;

    private static readonly byte[] Zeros = new byte[BufferSize];
    private static readonly byte[] HeadEnd = "\r\n\r\n"u8.ToArray();
    private static readonly byte[] Preflight = Encoding.ASCII.GetBytes(
        "HTTP/1.1 204 No Content\r\nAccess-Control-Allow-Origin: *\r\nAccess-Control-Allow-Methods: GET\r\nContent-Length: 0\r\n\r\n");
    private static readonly byte[] Sunk = Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 3\r\n\r\nok\n");
    private static readonly byte[] NotFound = Encoding.ASCII.GetBytes("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n");

    /// <summary>Per body length: the whole response when it fits one buffer (one send), else its head.</summary>
    private readonly ConcurrentDictionary<long, byte[]> _responses = new();
    private readonly Socket _listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    private CeilingResponder()
    {
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(512);
        BaseUrl = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndPoint!).Port}");
        _accepting = AcceptAsync();
    }

    /// <summary>Where it listens: <c>http://127.0.0.1:PORT</c>.</summary>
    public Uri BaseUrl { get; }

    public static CeilingResponder Start() => new();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Dispose();
        await _accepting;
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        var connections = new List<Task>();
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptAsync(_stop.Token);
            }
            catch (Exception error) when (error is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                break;
            }

            client.NoDelay = true;
            connections.RemoveAll(task => task.IsCompleted);
            connections.Add(ServeAsync(client));
        }

        await Task.WhenAll(connections);
    }

    private async Task ServeAsync(Socket client)
    {
        using var socket = client;
        var buffer = new byte[BufferSize];
        var filled = 0;
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                int headLength;
                while ((headLength = buffer.AsSpan(0, filled).IndexOf(HeadEnd)) < 0)
                {
                    if (filled == buffer.Length)
                    {
                        return;
                    }

                    var read = await socket.ReceiveAsync(buffer.AsMemory(filled), SocketFlags.None, _stop.Token);
                    if (read == 0)
                    {
                        return;
                    }

                    filled += read;
                }

                headLength += HeadEnd.Length;
                var head = ParseHead(buffer.AsSpan(0, headLength));

                // The body is read and dropped: first what came with the head, then the rest from the socket.
                var body = head.ContentLength;
                var inBuffer = (int)Math.Min(body, filled - headLength);
                var consumed = headLength + inBuffer;
                body -= inBuffer;
                while (body > 0)
                {
                    var read = await socket.ReceiveAsync(buffer.AsMemory(0, (int)Math.Min(body, buffer.Length)), SocketFlags.None, _stop.Token);
                    if (read == 0)
                    {
                        return;
                    }

                    body -= read;
                    consumed = 0;
                    filled = 0;
                }

                if (consumed > 0)
                {
                    buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
                    filled -= consumed;
                }

                await RespondAsync(socket, head);
                if (head.Close)
                {
                    socket.Shutdown(SocketShutdown.Both);
                    return;
                }
            }
        }
        catch (Exception error) when (error is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // The client went or the responder stops: nothing to answer.
        }
    }

    private async ValueTask RespondAsync(Socket socket, Head head)
    {
        if (head.Options)
        {
            await socket.SendAsync(Preflight, SocketFlags.None);
        }
        else if (head.ContentLength > 0)
        {
            await socket.SendAsync(Sunk, SocketFlags.None);
        }
        else if (head.BytesRequested is { } length)
        {
            var response = _responses.GetOrAdd(length, BuildResponse);
            await socket.SendAsync(response, SocketFlags.None);
            if (length > BufferSize)
            {
                for (var left = length; left > 0; left -= Math.Min(left, Zeros.Length))
                {
                    await socket.SendAsync(Zeros.AsMemory(0, (int)Math.Min(left, Zeros.Length)), SocketFlags.None);
                }
            }
        }
        else
        {
            await socket.SendAsync(NotFound, SocketFlags.None);
        }
    }

    private static byte[] BuildResponse(long length)
    {
        var head = Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: {length}\r\n\r\n");
        return length > BufferSize ? head : [.. head, .. Zeros.AsSpan(0, (int)length)];
    }

    /// <summary>What the answer depends on: the method, <c>/bytes/N</c>, Content-Length, Connection: close.</summary>
    private static Head ParseHead(ReadOnlySpan<byte> head)
    {
        var lineEnd = head.IndexOf("\r\n"u8);
        var requestLine = head[..lineEnd];
        var options = requestLine.StartsWith("OPTIONS "u8);
        long? bytes = null;
        var path = requestLine[(requestLine.IndexOf((byte)' ') + 1)..];
        if (path.StartsWith("/bytes/"u8) && Utf8Parser.TryParse(path["/bytes/".Length..], out long length, out _) && length >= 0)
        {
            bytes = length;
        }

        long contentLength = 0;
        var close = false;
        foreach (var range in head[(lineEnd + 2)..].Split("\r\n"u8))
        {
            var line = head[(lineEnd + 2)..][range];
            var colon = line.IndexOf((byte)':');
            if (colon <= 0)
            {
                continue;
            }

            var name = line[..colon];
            var value = line[(colon + 1)..].Trim((byte)' ');
            if (Ascii.EqualsIgnoreCase(name, "Content-Length"u8))
            {
                _ = Utf8Parser.TryParse(value, out contentLength, out _);
            }
            else if (Ascii.EqualsIgnoreCase(name, "Connection"u8))
            {
                close = Ascii.EqualsIgnoreCase(value, "close"u8);
            }
        }

        return new Head(options, bytes, contentLength, close);
    }

    private readonly record struct Head(bool Options, long? BytesRequested, long ContentLength, bool Close);
}
