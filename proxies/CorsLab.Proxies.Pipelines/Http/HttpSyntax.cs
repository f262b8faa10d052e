using System.Buffers;
using System.Text;
using CorsLab.Protocol;

namespace CorsLab.Proxies.Pipelines.Http;

/// <summary>RFC 9110/9112 character classes and the header names the engine reads, all as bytes.</summary>
internal static class HttpSyntax
{
    private static readonly byte[] RequestIdBytes = Encoding.ASCII.GetBytes(CorrelationHeader.Name);

    /// <summary>RFC 9110 §5.6.2 tchar: the only bytes a header name or method may hold.</summary>
    public static readonly SearchValues<byte> TokenChars =
        SearchValues.Create("!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"u8);

    /// <summary>Bytes no field value may hold: controls other than HTAB (NUL, bare CR and LF among them) and DEL.</summary>
    public static readonly SearchValues<byte> InvalidValueBytes = SearchValues.Create(
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 127]);

    /// <summary>Bytes a request-target may not hold: controls, space, DEL.</summary>
    public static readonly SearchValues<byte> InvalidTargetBytes = SearchValues.Create(
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 127]);

    public static ReadOnlySpan<byte> Http11 => "HTTP/1.1"u8;

    public static ReadOnlySpan<byte> Http10 => "HTTP/1.0"u8;

    public static ReadOnlySpan<byte> ContentLength => "Content-Length"u8;

    public static ReadOnlySpan<byte> TransferEncoding => "Transfer-Encoding"u8;

    public static ReadOnlySpan<byte> Connection => "Connection"u8;

    public static ReadOnlySpan<byte> Host => "Host"u8;

    public static ReadOnlySpan<byte> Expect => "Expect"u8;

    public static ReadOnlySpan<byte> Origin => "Origin"u8;

    public static ReadOnlySpan<byte> Vary => "Vary"u8;

    public static ReadOnlySpan<byte> Chunked => "chunked"u8;

    public static ReadOnlySpan<byte> Close => "close"u8;

    public static ReadOnlySpan<byte> KeepAlive => "keep-alive"u8;

    public static ReadOnlySpan<byte> Continue100 => "100-continue"u8;

    public static ReadOnlySpan<byte> RequestId => RequestIdBytes;

    public static bool NameIs(ReadOnlySpan<byte> name, ReadOnlySpan<byte> known) => Ascii.EqualsIgnoreCase(name, known);

    public static ReadOnlySpan<byte> TrimWhitespace(ReadOnlySpan<byte> value)
    {
        var start = 0;
        while (start < value.Length && value[start] is (byte)' ' or (byte)'\t')
        {
            start++;
        }

        var end = value.Length;
        while (end > start && value[end - 1] is (byte)' ' or (byte)'\t')
        {
            end--;
        }

        return value[start..end];
    }

    /// <summary>True when the comma-separated <paramref name="list"/> holds <paramref name="token"/> (ASCII case-insensitive).</summary>
    public static bool ListContains(ReadOnlySpan<byte> list, ReadOnlySpan<byte> token)
    {
        while (true)
        {
            var comma = list.IndexOf((byte)',');
            var item = TrimWhitespace(comma < 0 ? list : list[..comma]);
            if (Ascii.EqualsIgnoreCase(item, token))
            {
                return true;
            }

            if (comma < 0)
            {
                return false;
            }

            list = list[(comma + 1)..];
        }
    }

    /// <summary>The last element of a comma-separated list, trimmed.</summary>
    public static ReadOnlySpan<byte> LastListItem(ReadOnlySpan<byte> list)
    {
        var comma = list.LastIndexOf((byte)',');
        return TrimWhitespace(comma < 0 ? list : list[(comma + 1)..]);
    }

    /// <summary>Parses 1*DIGIT into a non-negative long; false on anything else (signs, spaces, lists, overflow).</summary>
    public static bool TryParseLength(ReadOnlySpan<byte> value, out long length)
    {
        length = 0;
        if (value.IsEmpty || value.Length > 18)
        {
            return false;
        }

        foreach (var b in value)
        {
            var digit = b - '0';
            if ((uint)digit > 9)
            {
                return false;
            }

            length = (length * 10) + digit;
        }

        return true;
    }
}
