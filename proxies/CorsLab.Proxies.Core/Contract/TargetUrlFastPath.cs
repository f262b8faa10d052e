using System.Buffers;

namespace CorsLab.Proxies.Core.Contract;

/// <summary>
/// The allocation-free half of <see cref="TargetUrlParser"/>: recognises the url values whose <see cref="Uri"/>
/// is their own text — plain ASCII once decoded, <c>http</c>/<c>https</c>, a DNS name or dotted-quad IPv4, a
/// decimal port, a path and query of RFC 3986 pchars with no escapes and no dot segments. Anything else answers
/// false and goes through <see cref="Uri"/>. TargetUrlParserEquivalenceTests runs both over the same inputs.
/// </summary>
internal static class TargetUrlFastPath
{
    /// <summary>The longest string <see cref="Uri"/> accepts; longer ones take Uri's own path to be rejected.</summary>
    private const int MaxUriLength = 65519;

    /// <summary>RFC 1035 §2.3.4: labels of 63 octets, names of 255 (253 written without the final dot).</summary>
    private const int MaxLabelLength = 63;
    private const int MaxHostLength = 253;

    private static readonly SearchValues<char> HostChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-");

    private static readonly SearchValues<char> Digits = SearchValues.Create("0123456789");

    private static readonly SearchValues<char> DigitsAndDots = SearchValues.Create("0123456789.");

    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF");

    /// <param name="raw">The <c>url</c> parameter's value, still form-urlencoded; not empty.</param>
    /// <param name="buffer">Receives the decoded url; at least <c>raw.Length + 1</c> chars.</param>
    /// <returns>false when the url is not plain enough to be judged here (it may still be valid).</returns>
    public static bool TryParse(ReadOnlySpan<char> raw, Span<char> buffer, out bool isHttps, out Range host, out int port, out Range pathAndQuery)
    {
        isHttps = false;
        host = pathAndQuery = default;
        port = 0;
        if (raw.Length > MaxUriLength || buffer.Length <= raw.Length)
        {
            return false;
        }

        var length = Decode(raw, buffer);
        if (length < 0)
        {
            return false;
        }

        // 1. Scheme: "http://" or "https://", any case (Uri lower-cases it).
        var url = buffer[..length];
        int hostStart;
        if (url.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            hostStart = 7;
        }
        else if (url.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            isHttps = true;
            hostStart = 8;
        }
        else
        {
            return false;
        }

        // 2. Authority: host[:port], up to the path or the query ('#' and '\' are not plain: rejected below).
        var authorityLength = url[hostStart..].IndexOfAny('/', '?');
        var pathStart = authorityLength < 0 ? length : hostStart + authorityLength;
        var authority = url[hostStart..pathStart];
        var colon = authority.IndexOf(':');
        var hostName = colon < 0 ? authority : authority[..colon];
        port = isHttps ? 443 : 80;
        if (!IsPlainHost(hostName) || (colon >= 0 && !TryParsePort(authority[(colon + 1)..], out port)))
        {
            return false;
        }

        // 3. Path and query: what goes on the request line, exactly as Uri would print it.
        var tail = url[pathStart..];
        var queryStart = tail.IndexOf('?');
        var path = queryStart < 0 ? tail : tail[..queryStart];
        var query = queryStart < 0 ? [] : tail[(queryStart + 1)..];
        if (!IsPlainPath(path) || !IsPlain(query, allowQuestionMark: true))
        {
            return false;
        }

        // Uri lower-cases a DNS name (digits and dots have no case).
        System.Text.Ascii.ToLowerInPlace(buffer.Slice(hostStart, hostName.Length), out _);
        host = hostStart..(hostStart + hostName.Length);
        if (path.IsEmpty)
        {
            // Uri's PathAndQuery always starts with '/': "http://a?x" is "/?x". The buffer has the one char to spare.
            buffer[pathStart..length].CopyTo(buffer[(pathStart + 1)..]);
            buffer[pathStart] = '/';
            length++;
        }

        pathAndQuery = pathStart..length;
        return true;
    }

    /// <summary>
    /// <see cref="System.Net.WebUtility.UrlDecode(string)"/> for ASCII results: '+' is a space, "%XX" a byte, a
    /// '%' without two hex digits stays. -1 when a char or decoded byte is not ASCII (UTF-8 is Uri's business).
    /// </summary>
    private static int Decode(ReadOnlySpan<char> raw, Span<char> buffer)
    {
        var written = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c == '+')
            {
                c = ' ';
            }
            else if (c == '%' && i < raw.Length - 2)
            {
                var high = HexValue(raw[i + 1]);
                var low = HexValue(raw[i + 2]);
                if ((high | low) >= 0)
                {
                    c = (char)((high << 4) | low);
                    i += 2;
                }
            }

            if (!char.IsAscii(c))
            {
                return -1;
            }

            buffer[written++] = c;
        }

        return written;
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };

    /// <summary>
    /// A dotted-quad IPv4 in canonical form, or a DNS name of letter-digit-hyphen labels that no IPv4 notation
    /// (decimal, octal, "0x" hex, fewer parts) could be read into. IDN ("xn--"), IPv6 and anything else: not plain.
    /// </summary>
    private static bool IsPlainHost(ReadOnlySpan<char> host)
    {
        if (host.IsEmpty || host.Length > MaxHostLength || host.ContainsAnyExcept(HostChars))
        {
            return false;
        }

        if (!host.ContainsAnyExcept(DigitsAndDots))
        {
            return IsDottedQuad(host);
        }

        var couldBeNumeric = true;
        foreach (var range in host.Split('.'))
        {
            var label = host[range];
            if (label.IsEmpty || label.Length > MaxLabelLength || label[0] == '-' || label[^1] == '-'
                || label.StartsWith("xn--", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            // Uri reads "0x1f" (and decimal or octal digits) as parts of an IPv4 address.
            couldBeNumeric &= !label.ContainsAnyExcept(Digits)
                || (label.Length >= 2 && label[0] == '0' && label[1] is 'x' or 'X' && !label[2..].ContainsAnyExcept(HexDigits));
        }

        return !couldBeNumeric;
    }

    private static bool IsDottedQuad(ReadOnlySpan<char> host)
    {
        var parts = 0;
        foreach (var range in host.Split('.'))
        {
            var part = host[range];
            if (++parts > 4 || part.IsEmpty || part.Length > 3 || (part.Length > 1 && part[0] == '0'))
            {
                return false;
            }

            var value = 0;
            foreach (var digit in part)
            {
                value = (value * 10) + (digit - '0');
            }

            if (value > 255)
            {
                return false;
            }
        }

        return parts == 4;
    }

    private static bool TryParsePort(ReadOnlySpan<char> digits, out int port)
    {
        port = 0;
        if (digits.IsEmpty || digits.Length > 5 || digits[0] == '0')
        {
            return false;
        }

        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            port = (port * 10) + (c - '0');
        }

        return port <= 65535;
    }

    /// <summary>"/" followed by pchars, with no "." or ".." segment (Uri would remove them); empty is plain too.</summary>
    private static bool IsPlainPath(ReadOnlySpan<char> path)
    {
        if (path.IsEmpty)
        {
            return true;
        }

        if (!IsPlain(path, allowQuestionMark: false))
        {
            return false;
        }

        foreach (var range in path.Split('/'))
        {
            var segment = path[range];
            if (segment is "." or "..")
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>RFC 3986 pchar and '/', ('?' in a query): unreserved, sub-delims, ':' and '@'. No '%'.</summary>
    private static bool IsPlain(ReadOnlySpan<char> text, bool allowQuestionMark)
    {
        foreach (var c in text)
        {
            var plain = char.IsAsciiLetterOrDigit(c)
                || c is '-' or '.' or '_' or '~' or '!' or '$' or '&' or '\'' or '(' or ')' or '*' or '+' or ',' or ';' or '=' or ':' or '@' or '/'
                || (c == '?' && allowQuestionMark);
            if (!plain)
            {
                return false;
            }
        }

        return true;
    }
}
