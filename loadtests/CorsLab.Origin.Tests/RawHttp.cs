using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace CorsLab.Origin.Tests;

/// <summary>
/// HTTP/1.1 over a bare socket, for what HttpClient would hide: exact header lines, framing, connection close.
/// A response ends by its framing or by the server closing, never by a quiet spell, so a slow first byte cannot
/// cut it short; a server that sends nothing fails the test at <see cref="Bound"/>.
/// </summary>
internal static class RawHttp
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Sends <paramref name="request"/> as is and returns its response as received, and whether the server closed the
    /// connection. A response whose framing leaves the connection open is followed by a second request on it: an
    /// answer proves the server kept it, an end or reset that it closed it.
    /// </summary>
    public static async Task<(string Text, bool ClosedByServer)> ExchangeAsync(Uri origin, string request)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(origin.Host, origin.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        var (text, closed) = await ReadResponseAsync(stream, request.StartsWith("HEAD ", StringComparison.Ordinal));
        if (closed)
        {
            return (text, true);
        }

        try
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(Get("/healthz")));
            var (probe, _) = await ReadResponseAsync(stream, isHead: false);
            return (text, probe.Length == 0);
        }
        catch (IOException)
        {
            return (text, true);
        }
    }

    public static string Get(string target, string extraHeaders = "")
        => $"GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\n{extraHeaders}\r\n";

    /// <summary>The header lines of the first response in <paramref name="text"/>, status line excluded.</summary>
    public static string[] HeaderLines(string text)
    {
        var head = text[..text.IndexOf("\r\n\r\n", StringComparison.Ordinal)];
        return head.Split("\r\n")[1..];
    }

    /// <summary>One response: to the end its framing gives, or to the server's close (then ClosedByServer).</summary>
    private static async Task<(string Text, bool ClosedByServer)> ReadResponseAsync(NetworkStream stream, bool isHead)
    {
        using var bound = new CancellationTokenSource(Bound);
        var received = new StringBuilder();
        var buffer = new byte[16 * 1024];
        while (!IsComplete(received.ToString(), isHead))
        {
            int read;
            try
            {
                read = await stream.ReadAsync(buffer, bound.Token);
            }
            catch (IOException)
            {
                return (received.ToString(), true);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"no complete response within {Bound.TotalSeconds} s; received: {received}");
            }

            if (read == 0)
            {
                return (received.ToString(), true);
            }

            received.Append(Encoding.Latin1.GetString(buffer, 0, read));
        }

        return (received.ToString(), false);
    }

    /// <summary>Whether <paramref name="text"/> holds a whole response: a bodiless head, Content-Length bytes, or the last chunk.</summary>
    private static bool IsComplete(string text, bool isHead)
    {
        var headEnd = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (headEnd < 0)
        {
            return false;
        }

        var lines = text[..headEnd].Split("\r\n");
        var status = int.Parse(lines[0].Split(' ')[1], CultureInfo.InvariantCulture);
        if (isHead || status is 204 or 304 || status < 200)
        {
            return true;
        }

        var body = text.Length - headEnd - 4;
        foreach (var line in lines[1..])
        {
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            {
                return body >= long.Parse(line["Content-Length:".Length..].Trim(), CultureInfo.InvariantCulture);
            }

            if (line.StartsWith("Transfer-Encoding:", StringComparison.OrdinalIgnoreCase) && line.Contains("chunked", StringComparison.OrdinalIgnoreCase))
            {
                return text.EndsWith("\r\n0\r\n\r\n", StringComparison.Ordinal) || text.EndsWith("\r\n\r\n0\r\n\r\n", StringComparison.Ordinal);
            }
        }

        // Neither: the body runs to the server's close.
        return false;
    }
}
