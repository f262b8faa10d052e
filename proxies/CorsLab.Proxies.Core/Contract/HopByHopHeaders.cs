namespace CorsLab.Proxies.Core.Contract;

/// <summary>
/// RFC 9110 §7.6.1: headers that belong to one connection and never cross a proxy. <c>HTTP2-Settings</c>
/// (RFC 9113 §3.2.1) is listed too: it is connection-specific by definition, and Kestrel keeps only the first
/// token of a <c>Connection</c> value such as <c>Upgrade, HTTP2-Settings</c>, so the listing alone cannot be relied on.
/// </summary>
public static class HopByHopHeaders
{
    private static readonly string[] Fixed =
    [
        "Connection",
        "Keep-Alive",
        "Proxy-Connection",
        "TE",
        "Trailer",
        "Transfer-Encoding",
        "Upgrade",
        "HTTP2-Settings",
    ];

    public static bool IsFixedHopByHop(ReadOnlySpan<char> name)
    {
        foreach (var hop in Fixed)
        {
            if (name.Equals(hop, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="name"/> is hop-by-hop by itself or is named in the <c>Connection</c> value(s).</summary>
    public static bool IsHopByHop(ReadOnlySpan<char> name, IEnumerable<string?> connectionValues)
    {
        if (IsFixedHopByHop(name))
        {
            return true;
        }

        foreach (var value in connectionValues)
        {
            if (value is not null && ListsToken(value, name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the comma-separated <c>Connection</c> value lists <paramref name="name"/>.</summary>
    public static bool ListsToken(ReadOnlySpan<char> connectionValue, ReadOnlySpan<char> name)
    {
        foreach (var range in connectionValue.Split(','))
        {
            if (connectionValue[range].Trim().Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
