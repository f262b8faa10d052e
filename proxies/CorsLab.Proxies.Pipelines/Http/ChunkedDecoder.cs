using System.Buffers;

namespace CorsLab.Proxies.Pipelines.Http;

/// <summary>
/// Decodes a chunked body (RFC 9112 §7.1) in place: hands out slices of the reader's buffer as data,
/// consuming only complete framing, so it resumes wherever a read ended.
/// Chunk extensions are validated and ignored; trailer fields are validated and dropped (README "Trailers").
/// </summary>
internal struct ChunkedDecoder
{
    /// <summary>A size line with extensions, bounded because it is buffered whole; Kestrel streams past extensions of any length instead.</summary>
    private const int MaxSizeLineBytes = 4 * 1024;

    /// <summary>The trailer section obeys the same bound as a request header block (Kestrel's 32 KB).</summary>
    private const int MaxTrailerBytes = 32 * 1024;

    private State _state;
    private long _remaining;
    private int _trailerBytes;

    private enum State
    {
        Size,
        Data,
        DataEnd,
        Trailers,
        Done,
    }

    public ChunkedStatus Read(ref SequenceReader<byte> reader, out ReadOnlySequence<byte> data)
    {
        data = default;
        while (true)
        {
            switch (_state)
            {
                case State.Size:
                    if (!reader.TryReadTo(out ReadOnlySequence<byte> sizeLine, (byte)'\n'))
                    {
                        CheckBound(reader.Remaining, MaxSizeLineBytes);
                        return ChunkedStatus.NeedMoreData;
                    }

                    CheckBound(sizeLine.Length, MaxSizeLineBytes);
                    _remaining = ParseSize(sizeLine);
                    _state = _remaining == 0 ? State.Trailers : State.Data;
                    break;

                case State.Data:
                    if (reader.End)
                    {
                        return ChunkedStatus.NeedMoreData;
                    }

                    var take = Math.Min(_remaining, reader.Remaining);
                    data = reader.UnreadSequence.Slice(0, take);
                    reader.Advance(take);
                    _remaining -= take;
                    if (_remaining == 0)
                    {
                        _state = State.DataEnd;
                    }

                    return ChunkedStatus.Data;

                case State.DataEnd:
                    if (reader.Remaining < 2)
                    {
                        return ChunkedStatus.NeedMoreData;
                    }

                    if (!reader.IsNext("\r\n"u8, advancePast: true))
                    {
                        Invalid("chunk data not followed by CRLF");
                    }

                    _state = State.Size;
                    break;

                case State.Trailers:
                    if (!reader.TryReadTo(out ReadOnlySequence<byte> trailer, (byte)'\n'))
                    {
                        CheckBound(_trailerBytes + reader.Remaining, MaxTrailerBytes);
                        return ChunkedStatus.NeedMoreData;
                    }

                    _trailerBytes += (int)Math.Min(trailer.Length + 1, MaxTrailerBytes + 1);
                    CheckBound(_trailerBytes, MaxTrailerBytes);
                    if (trailer.Length == 1 && trailer.FirstSpan[0] == (byte)'\r')
                    {
                        _state = State.Done;
                        return ChunkedStatus.Completed;
                    }

                    ValidateTrailer(trailer);
                    break;

                default:
                    return ChunkedStatus.Completed;
            }
        }
    }

    private static long ParseSize(in ReadOnlySequence<byte> line)
    {
        Span<byte> copy = stackalloc byte[(int)line.Length];
        line.CopyTo(copy);
        if (copy.IsEmpty || copy[^1] != (byte)'\r')
        {
            Invalid("chunk size line not ended by CRLF");
        }

        var content = copy[..^1];
        long size = 0;
        var digits = 0;
        while (digits < content.Length && char.IsAsciiHexDigit((char)content[digits]))
        {
            if (digits == 15)
            {
                Invalid("chunk size too large");
            }

            size = (size << 4) | (long)HexValue(content[digits]);
            digits++;
        }

        if (digits == 0)
        {
            Invalid("chunk size missing");
        }

        // The rest may only be BWS and extensions: ;name[=value], no controls (NUL, bare CR or LF).
        var rest = HttpSyntax.TrimWhitespace(content[digits..]);
        if (!rest.IsEmpty && (rest[0] != (byte)';' || rest.IndexOfAny(HttpSyntax.InvalidValueBytes) >= 0))
        {
            Invalid("invalid chunk extension");
        }

        return size;
    }

    private static int HexValue(byte b) => b <= '9' ? b - '0' : (b | 0x20) - 'a' + 10;

    private static void ValidateTrailer(in ReadOnlySequence<byte> line)
    {
        Span<byte> copy = stackalloc byte[(int)line.Length];
        line.CopyTo(copy);
        if (HeaderLine.TryParse(copy, out _) is { } reason)
        {
            Invalid($"invalid trailer field ({reason})");
        }
    }

    private static void CheckBound(long length, int max)
    {
        if (length > max)
        {
            Invalid("chunk framing too long");
        }
    }

    private static void Invalid(string what) => HttpThrow.InvalidChunk(what);
}
