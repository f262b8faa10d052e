namespace CorsLab.Proxies.Pipelines.Upstream;

/// <summary>One pool per (scheme, host, port). <paramref name="Host"/> is <see cref="Core.Contract.TargetUrl.Host"/>: lower-case ASCII, IPv6 in brackets.</summary>
internal readonly record struct PoolKey(string Host, int Port, bool Https)
{
    /// <summary>The host without IPv6 brackets, for DNS, TLS and the policy.</summary>
    public string BareHost => Host.Length > 0 && Host[0] == '[' ? Host[1..^1] : Host;

    public bool IsAddressLiteral => Host.Length > 0 && (Host[0] == '[' || System.Net.IPAddress.TryParse(Host, out _));
}
