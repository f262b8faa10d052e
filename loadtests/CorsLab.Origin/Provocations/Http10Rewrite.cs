using System.Buffers;
using System.Buffers.Text;
using System.Text;

namespace CorsLab.Origin.Provocations;

/// <summary>
/// Turns one HTTP/1.1 response as Kestrel writes it into the HTTP/1.0 response an old server sends: the status line's
/// version becomes <c>HTTP/1.0</c>; <c>Transfer-Encoding</c>, <c>Content-Length</c> and <c>Connection</c> are dropped;
/// chunked bodies are unwrapped. The caller closes the connection when <see cref="Feed"/> says the response ended:
/// that close is the body's only end.
/// </summary>
internal sealed class Http10Rewrite
{
    private readonly ArrayBufferWriter<byte> _head = new();
    private readonly ArrayBufferWriter<byte> _line = new();
    private Stage _stage = Stage.Head;
    private long _remaining;

    private enum Stage
    {
        Head,
        ChunkSize,
        ChunkData,
        ChunkDataEnd,
        Trailer,
        SizedBody,
        Done,
    }

    /// <summary>Rewrites <paramref name="written"/> (the next bytes of the response) into <paramref name="output"/>.</summary>
    /// <returns>True once the response's last byte has been written.</returns>
    public bool Feed(ReadOnlySpan<byte> written, IBufferWriter<byte> output)
    {
        while (!written.IsEmpty && _stage != Stage.Done)
        {
            written = _stage switch
            {
                Stage.Head => Head(written, output),
                Stage.ChunkData or Stage.SizedBody => Data(written, output),
                _ => Line(written),
            };
        }

        return _stage == Stage.Done;
    }

    private ReadOnlySpan<byte> Head(ReadOnlySpan<byte> written, IBufferWriter<byte> output)
    {
        _head.Write(written);
        var end = _head.WrittenSpan.IndexOf("\r\n\r\n"u8);
        if (end < 0)
        {
            return [];
        }

        var lines = Encoding.ASCII.GetString(_head.WrittenSpan[..end]).Split("\r\n");
        var chunked = false;
        long? length = null;
        var rewritten = new StringBuilder("HTTP/1.0").Append(lines[0].AsSpan("HTTP/1.1".Length)).Append("\r\n");
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var name = colon < 0 ? line : line[..colon];
            var value = colon < 0 ? "" : line[(colon + 1)..].Trim();
            if (name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                chunked = value.EndsWith("chunked", StringComparison.OrdinalIgnoreCase);
            }
            else if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                length = long.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
            }
            else if (!name.Equals("Connection", StringComparison.OrdinalIgnoreCase))
            {
                rewritten.Append(line).Append("\r\n");
            }
        }

        output.Write(Encoding.ASCII.GetBytes(rewritten.Append("\r\n").ToString()));
        var body = _head.WrittenSpan[(end + 4)..].ToArray();
        (_stage, _remaining) = chunked ? (Stage.ChunkSize, 0) : length is > 0 ? (Stage.SizedBody, length.Value) : (Stage.Done, 0);
        return body;
    }

    /// <summary>Collects a CRLF-terminated line (a chunk size, the CRLF after a chunk's data, a trailer) and acts on it at its end.</summary>
    private ReadOnlySpan<byte> Line(ReadOnlySpan<byte> written)
    {
        var end = written.IndexOf((byte)'\n');
        if (end < 0)
        {
            _line.Write(written);
            return [];
        }

        _line.Write(written[..end]);
        var line = _line.WrittenSpan.TrimEnd((byte)'\r');
        switch (_stage)
        {
            case Stage.ChunkDataEnd:
                _stage = Stage.ChunkSize;
                break;
            case Stage.ChunkSize:
                var digits = line.IndexOf((byte)';') is var semicolon and >= 0 ? line[..semicolon] : line;
                Utf8Parser.TryParse(digits, out long size, out _, 'x');
                (_stage, _remaining) = size > 0 ? (Stage.ChunkData, size) : (Stage.Trailer, 0);
                break;
            default:
                _stage = line.IsEmpty ? Stage.Done : Stage.Trailer;
                break;
        }

        _line.Clear();
        return written[(end + 1)..];
    }

    private ReadOnlySpan<byte> Data(ReadOnlySpan<byte> written, IBufferWriter<byte> output)
    {
        var take = (int)Math.Min(_remaining, written.Length);
        output.Write(written[..take]);
        _remaining -= take;
        if (_remaining == 0)
        {
            _stage = _stage == Stage.SizedBody ? Stage.Done : Stage.ChunkDataEnd;
        }

        return written[take..];
    }
}
