using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace CorsLab.Spec.Running;

/// <summary>
/// One HTTP/1.1 exchange over a plain socket, for the few headers <c>HttpClient</c> will not send as given
/// (<c>Proxy-Connection</c>, <c>Upgrade</c>, <c>TE</c>, <c>Trailer</c>, <c>Keep-Alive</c>). Bodiless requests only;
/// the response is framed by <c>Content-Length</c>, chunked encoding or the connection closing. Test-client
/// code: it trusts the server it is judging no further than needed to report what it sent.
/// </summary>
internal static class RawHttpExchange
{
    private const int MaxHeadBytes = 1024 * 1024;
    private const long MaxBodyBytes = 64L * 1024 * 1024;

    public static async Task SendAsync(Uri url, string method, IEnumerable<SpecHeader> headers, ObservedResponse observed, CancellationToken cancellationToken)
    {
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(url.Host, url.Port, cancellationToken);
        }
        catch (SocketException ex)
        {
            observed.ConnectionError = $"connect failed: {ex.SocketErrorCode}";
            return;
        }

        await using var stream = new NetworkStream(socket, ownsSocket: false);
        var head = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"{method} {url.PathAndQuery} HTTP/1.1\r\n")
            .Append(CultureInfo.InvariantCulture, $"Host: {url.Authority}\r\n");
        foreach (var header in headers)
        {
            head.Append(CultureInfo.InvariantCulture, $"{header.Name}: {header.Value}\r\n");
        }

        head.Append("\r\n");
        var reader = new Reader(stream);
        try
        {
            await stream.WriteAsync(Encoding.Latin1.GetBytes(head.ToString()), cancellationToken);
            if (!await ReadHeadAsync(reader, observed, cancellationToken))
            {
                return;
            }
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && BodyObserver.IsTransportFailure(ex))
        {
            observed.ConnectionError = BodyObserver.OneLine(ex);
            return;
        }

        var headTimestamp = Stopwatch.GetTimestamp();
        var body = new MemoryStream();
        try
        {
            await ReadBodyAsync(reader, method, observed, body, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && (BodyObserver.IsTransportFailure(ex) || ex is FormatException))
        {
            observed.BodyError = BodyObserver.OneLine(ex);
            observed.BodyErrorAfter = Stopwatch.GetElapsedTime(headTimestamp);
        }

        var bodyError = observed.BodyError;
        body.Position = 0;
        await BodyObserver.ReadAsync(body, observed, headTimestamp, cancellationToken);
        observed.BodyError = bodyError;
    }

    private static async Task<bool> ReadHeadAsync(Reader reader, ObservedResponse observed, CancellationToken cancellationToken)
    {
        var statusLine = await reader.ReadLineAsync(cancellationToken);
        if (statusLine is null)
        {
            observed.ConnectionError = "connection closed before a response head";
            return false;
        }

        var parts = statusLine.Split(' ', 3);
        if (parts.Length < 2 || !parts[0].StartsWith("HTTP/1.", StringComparison.Ordinal) || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var status))
        {
            observed.ConnectionError = $"malformed status line '{statusLine}'";
            return false;
        }

        while (await reader.ReadLineAsync(cancellationToken) is { Length: > 0 } line)
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                observed.ConnectionError = $"malformed header line '{line}'";
                return false;
            }

            var name = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            observed.Headers[name] = observed.Headers.TryGetValue(name, out var existing) ? existing + ", " + value : value;
        }

        observed.Status = status;
        return true;
    }

    private static async Task ReadBodyAsync(Reader reader, string method, ObservedResponse observed, MemoryStream body, CancellationToken cancellationToken)
    {
        var status = observed.Status!.Value;
        if (method == "HEAD" || status is < 200 or 204 or 304)
        {
            return;
        }

        if (observed.Headers.TryGetValue("Transfer-Encoding", out var encoding) && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            while (true)
            {
                var sizeLine = await reader.ReadLineAsync(cancellationToken) ?? throw new IOException("connection closed inside a chunk header");
                var size = long.Parse(sizeLine.Split(';', 2)[0].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                if (size == 0)
                {
                    while (await reader.ReadLineAsync(cancellationToken) is { Length: > 0 })
                    {
                        // Trailer fields are not judged.
                    }

                    return;
                }

                await reader.CopyExactlyAsync(body, Limit(body.Length + size), cancellationToken);
                if (await reader.ReadLineAsync(cancellationToken) is not { Length: 0 })
                {
                    throw new IOException("chunk not followed by CRLF");
                }
            }
        }

        if (observed.Headers.TryGetValue("Content-Length", out var lengthText))
        {
            await reader.CopyExactlyAsync(body, Limit(long.Parse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture)), cancellationToken);
            return;
        }

        await reader.CopyToEndAsync(body, MaxBodyBytes, cancellationToken);
    }

    private static long Limit(long length) =>
        length <= MaxBodyBytes ? length : throw new IOException($"body over {MaxBodyBytes} B");

    /// <summary>A buffered reader over the socket: CRLF lines (Latin-1) and counted bytes.</summary>
    private sealed class Reader(Stream stream)
    {
        private readonly byte[] _buffer = new byte[16 * 1024];
        private int _start;
        private int _end;
        private long _headBytes;

        public async Task<string?> ReadLineAsync(CancellationToken cancellationToken)
        {
            var line = new MemoryStream();
            while (true)
            {
                if (_start == _end && !await FillAsync(cancellationToken))
                {
                    return line.Length == 0 ? null : throw new IOException("connection closed mid-line");
                }

                var span = _buffer.AsSpan(_start, _end - _start);
                var newline = span.IndexOf((byte)'\n');
                var take = newline < 0 ? span.Length : newline + 1;
                line.Write(span[..take]);
                _start += take;
                _headBytes += take;
                if (_headBytes > MaxHeadBytes)
                {
                    throw new IOException($"response head over {MaxHeadBytes} B");
                }

                if (newline >= 0)
                {
                    var text = Encoding.Latin1.GetString(line.GetBuffer(), 0, (int)line.Length);
                    return text.TrimEnd('\n').TrimEnd('\r');
                }
            }
        }

        public async Task CopyExactlyAsync(Stream destination, long untilLength, CancellationToken cancellationToken)
        {
            while (destination.Length < untilLength)
            {
                if (_start == _end && !await FillAsync(cancellationToken))
                {
                    throw new IOException($"connection closed after {destination.Length} of {untilLength} body bytes");
                }

                var take = (int)Math.Min(_end - _start, untilLength - destination.Length);
                destination.Write(_buffer, _start, take);
                _start += take;
            }
        }

        public async Task CopyToEndAsync(Stream destination, long limit, CancellationToken cancellationToken)
        {
            while (_start < _end || await FillAsync(cancellationToken))
            {
                destination.Write(_buffer, _start, _end - _start);
                _start = _end;
                if (destination.Length > limit)
                {
                    throw new IOException($"body over {limit} B");
                }
            }
        }

        private async Task<bool> FillAsync(CancellationToken cancellationToken)
        {
            _start = 0;
            _end = await stream.ReadAsync(_buffer, cancellationToken);
            return _end > 0;
        }
    }
}
