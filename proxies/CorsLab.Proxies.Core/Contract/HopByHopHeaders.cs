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

    /// <summary>True when <paramref name="name"/> is hop-by-hop by itself or is named in the message's <c>Connection</c> field(s).</summary>
    public static bool IsHopByHop(ReadOnlySpan<char> name, ConnectionTokens connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return IsFixedHopByHop(name) || connection.Lists(name);
    }
}
