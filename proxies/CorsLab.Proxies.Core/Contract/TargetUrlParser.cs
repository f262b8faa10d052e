using System.Net;

namespace CorsLab.Proxies.Core.Contract;

/// <summary>
/// Reads the target from the query string: form-urlencoded (<c>+</c> is a space), percent-decoded,
/// the first <c>url</c> wins, and only an absolute http/https URL without userinfo is valid.
/// </summary>
public static class TargetUrlParser
{
    private const string UrlKey = "url";

    /// <param name="query">The raw query, with or without the leading <c>?</c>.</param>
    public static TargetUrlStatus Parse(ReadOnlySpan<char> query, out Uri? target)
    {
        target = null;
        if (!TryFindFirst(query, out var rawValue))
        {
            return TargetUrlStatus.Missing;
        }

        var decoded = WebUtility.UrlDecode(rawValue.ToString());
        if (string.IsNullOrEmpty(decoded))
        {
            return TargetUrlStatus.Invalid;
        }

        if (!Uri.TryCreate(decoded, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || uri.UserInfo.Length != 0
            || uri.Host.Length == 0
            || HasUserInfoMarker(decoded))
        {
            return TargetUrlStatus.Invalid;
        }

        target = uri;
        return TargetUrlStatus.Valid;
    }

    /// <summary>
    /// <see cref="Parse(ReadOnlySpan{char}, out Uri?)"/> without a <see cref="Uri"/>: the same status on every input
    /// and, when valid, the same scheme, host, port and path-and-query as that Uri. Allocates nothing for a plain
    /// ASCII url in canonical form (what browsers and HTTP clients send); any other url goes through Uri as Parse does.
    /// </summary>
    /// <param name="query">The raw query, with or without the leading <c>?</c>.</param>
    /// <param name="buffer">Scratch for the decoded url, at least <c>query.Length + 1</c> chars (a shorter one only costs the Uri).</param>
    /// <param name="target">Slices of <paramref name="buffer"/> (or of the Uri's strings); default unless valid.</param>
    public static TargetUrlStatus Parse(ReadOnlySpan<char> query, Span<char> buffer, out TargetUrl target)
    {
        target = default;
        if (!TryFindFirst(query, out var rawValue))
        {
            return TargetUrlStatus.Missing;
        }

        if (rawValue.IsEmpty)
        {
            return TargetUrlStatus.Invalid;
        }

        if (TargetUrlFastPath.TryParse(rawValue, buffer, out var isHttps, out var host, out var port, out var pathAndQuery))
        {
            target = new TargetUrl(isHttps, buffer[host], port, buffer[pathAndQuery]);
            return TargetUrlStatus.Valid;
        }

        var status = Parse(query, out var uri);
        if (status == TargetUrlStatus.Valid)
        {
            target = new TargetUrl(uri!.Scheme == Uri.UriSchemeHttps, WireHost(uri), uri.Port, uri.PathAndQuery);
        }

        return status;
    }

    /// <summary>
    /// The host as it goes on the wire and to the resolver, as SocketsHttpHandler sends it: <see cref="Uri.IdnHost"/>
    /// (ASCII: an internationalised name in punycode, <c>127。0。0。2</c> as <c>127.0.0.2</c>), IPv6 in brackets.
    /// </summary>
    public static string WireHost(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return uri.HostNameType == UriHostNameType.IPv6 ? uri.Host : uri.IdnHost;
    }

    private static bool TryFindFirst(ReadOnlySpan<char> query, out ReadOnlySpan<char> value)
    {
        if (query.StartsWith("?"))
        {
            query = query[1..];
        }

        foreach (var range in query.Split('&'))
        {
            var pair = query[range];
            var eq = pair.IndexOf('=');
            var key = eq < 0 ? pair : pair[..eq];
            if (key.SequenceEqual(UrlKey))
            {
                value = eq < 0 ? [] : pair[(eq + 1)..];
                return true;
            }
        }

        value = default;
        return false;
    }

    // "http://a@b" with an empty userinfo still names a user section; Uri reports it as empty.
    private static bool HasUserInfoMarker(string url)
    {
        var authorityStart = url.IndexOf("//", StringComparison.Ordinal) + 2;
        var authorityEnd = url.IndexOfAny(['/', '?', '#'], authorityStart);
        var authority = authorityEnd < 0 ? url.AsSpan(authorityStart) : url.AsSpan(authorityStart, authorityEnd - authorityStart);
        return authority.Contains('@');
    }
}
