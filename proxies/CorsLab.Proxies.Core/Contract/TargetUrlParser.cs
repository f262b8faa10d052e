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
