namespace CorsLab.Proxies.Core.Contract;

/// <summary>
/// A valid target as slices, what a forwarder needs without a <see cref="Uri"/>: each slice equals what the
/// <see cref="Uri"/> of <see cref="TargetUrlParser.Parse(ReadOnlySpan{char}, out Uri?)"/> reports for the same query
/// (the host as <see cref="TargetUrlParser.WireHost"/> gives it).
/// </summary>
public readonly ref struct TargetUrl
{
    public TargetUrl(bool isHttps, ReadOnlySpan<char> host, int port, ReadOnlySpan<char> pathAndQuery)
    {
        IsHttps = isHttps;
        Host = host;
        Port = port;
        PathAndQuery = pathAndQuery;
    }

    public bool IsHttps { get; }

    /// <summary><see cref="Uri.Scheme"/>: <c>http</c> or <c>https</c>, lower case.</summary>
    public ReadOnlySpan<char> Scheme => IsHttps ? "https" : "http";

    /// <summary><see cref="TargetUrlParser.WireHost"/>: lower case ASCII, IPv6 in brackets.</summary>
    public ReadOnlySpan<char> Host { get; }

    /// <summary><see cref="Uri.Port"/>: the scheme's default when none is given.</summary>
    public int Port { get; }

    /// <summary><see cref="Uri.IsDefaultPort"/>.</summary>
    public bool IsDefaultPort => Port == (IsHttps ? 443 : 80);

    /// <summary><see cref="Uri.PathAndQuery"/>: never empty, starts with <c>/</c>.</summary>
    public ReadOnlySpan<char> PathAndQuery { get; }
}
