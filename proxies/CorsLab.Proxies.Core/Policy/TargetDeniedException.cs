using System.Net;

namespace CorsLab.Proxies.Core.Policy;

/// <summary>Raised at connect time when every address of the target is denied by the policy.</summary>
public sealed class TargetDeniedException(string host, IPAddress address)
    : Exception($"target {host} ({address}) is not allowed by the target policy")
{
    public string Host { get; } = host;

    public IPAddress Address { get; } = address;
}
