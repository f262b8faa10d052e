using System.Buffers.Text;
using System.Text;

namespace CorsLab.Load.Engine;

/// <summary>How the body of a response is framed (RFC 9112 §6.3).</summary>
internal enum BodyFraming : byte
{
    None,
    ContentLength,
    Chunked,
    UntilClose,
}

/// <summary>
/// The few facts a load client needs from a response head: status, framing, whether the connection ends.
/// A minimal parser over a complete head (ending in CRLF CRLF): no strings, no allocation; false rejects.
/// </summary>
internal readonly struct ResponseHead
{
    public readonly int Status;
    public readonly BodyFraming Framing;
    public readonly long ContentLength;
    public readonly bool Close;

    private ResponseHead(int status, BodyFraming framing, long contentLength, bool close)
    {
        Status = status;
        Framing = framing;
        ContentLength = contentLength;
        Close = close;
    }

    public bool IsInterim => Status is >= 100 and < 200 and not 101;

    /// <param name="head">The head without its final empty line.</param>
    /// <param name="requestWasHead">HEAD responses have no body whatever they announce.</param>
    public static bool TryParse(ReadOnlySpan<byte> head, bool requestWasHead, out ResponseHead result)
    {
        result = default;
        var lineEnd = head.IndexOf("\r\n"u8);
        var statusLine = lineEnd < 0 ? head : head[..lineEnd];
        if (statusLine.Length < 12 || !statusLine.StartsWith("HTTP/1."u8) || statusLine[8] != (byte)' '
            || !Utf8Parser.TryParse(statusLine.Slice(9, 3), out int status, out var consumed) || consumed != 3 || status < 100)
        {
            return false;
        }

        var http10 = statusLine[7] == (byte)'0';
        long contentLength = -1;
        var chunked = false;
        var close = http10;
        var rest = lineEnd < 0 ? [] : head[(lineEnd + 2)..];
        while (!rest.IsEmpty)
        {
            var end = rest.IndexOf("\r\n"u8);
            var line = end < 0 ? rest : rest[..end];
            rest = end < 0 ? [] : rest[(end + 2)..];
            var colon = line.IndexOf((byte)':');
            if (colon <= 0)
            {
                return false;
            }

            var name = line[..colon];
            var value = line[(colon + 1)..].Trim((byte)' ');
            if (Ascii.EqualsIgnoreCase(name, "content-length"u8))
            {
                if (!Utf8Parser.TryParse(value, out contentLength, out var used) || used != value.Length || contentLength < 0)
                {
                    return false;
                }
            }
            else if (Ascii.EqualsIgnoreCase(name, "transfer-encoding"u8))
            {
                chunked = EndsWithToken(value, "chunked"u8);
            }
            else if (Ascii.EqualsIgnoreCase(name, "connection"u8))
            {
                close = HasToken(value, "close"u8) || (http10 && !HasToken(value, "keep-alive"u8));
            }
        }

        BodyFraming framing;
        if (requestWasHead || status is < 200 or 204 or 304)
        {
            framing = BodyFraming.None;
        }
        else if (chunked)
        {
            framing = BodyFraming.Chunked;
        }
        else if (contentLength >= 0)
        {
            framing = contentLength == 0 ? BodyFraming.None : BodyFraming.ContentLength;
        }
        else
        {
            framing = BodyFraming.UntilClose;
            close = true;
        }

        result = new ResponseHead(status, framing, contentLength, close);
        return true;
    }

    private static bool HasToken(ReadOnlySpan<byte> value, ReadOnlySpan<byte> token)
    {
        foreach (var range in value.Split((byte)','))
        {
            if (Ascii.EqualsIgnoreCase(value[range].Trim((byte)' '), token))
            {
                return true;
            }
        }

        return false;
    }

    private static bool EndsWithToken(ReadOnlySpan<byte> value, ReadOnlySpan<byte> token)
    {
        var comma = value.LastIndexOf((byte)',');
        return Ascii.EqualsIgnoreCase(value[(comma + 1)..].Trim((byte)' '), token);
    }
}
