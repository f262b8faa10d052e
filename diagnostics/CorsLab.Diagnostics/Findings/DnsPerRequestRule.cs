using System.Net;
using CorsLab.Results;

namespace CorsLab.Diagnostics.Findings;

/// <summary>
/// <c>dns-per-request</c>: the proxy looks the upstream's name up for (almost) every request instead of reusing the
/// answer (or the connection). Reads the capture's <c>System.Net.NameResolution</c> ResolutionStart count over the
/// requests of a scenario whose upstream is a name (an address literal needs no lookup, so it proves nothing).
/// </summary>
public sealed class DnsPerRequestRule : IFindingRule
{
    public const string FindingId = "dns-per-request";

    /// <summary>A resolver that caches, or a pool that keeps connections, looks a name up once per new connection at
    /// most, and every rule of this lab already calls a new connection for half the requests churn: a lookup for every
    /// other request is the lookup itself being per request, whatever the stack.</summary>
    public const double WarnPerRequest = 0.5;

    /// <summary>Nine in ten: no caching at all.</summary>
    public const double CriticalPerRequest = 0.9;

    public string Id => FindingId;

    public bool NeedsCapture => true;

    public IReadOnlyList<string> Scenarios { get; } = [ScenarioNames.NamedGet, ScenarioNames.SmallGet, ScenarioNames.Reuse];

    public Finding? Evaluate(TargetEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        if (CaptureEvidence.First(evidence, Scenarios, capture => IsName(capture.UpstreamHost)) is not ({ } measured, { } capture))
        {
            return null;
        }

        var perRequest = capture.PerRequest(capture.DnsResolutions);
        if (perRequest < WarnPerRequest)
        {
            return null;
        }

        var facts = CaptureEvidence.Facts(measured, capture);
        facts["upstreamHost"] = capture.UpstreamHost!;
        facts["dnsResolutions"] = Evidence.Count(capture.DnsResolutions);
        facts["dnsResolutionsPerRequest"] = Evidence.Number(perRequest);
        facts["socketConnectsPerRequest"] = Evidence.Number(capture.PerRequest(capture.SocketConnects));
        return new Finding(
            FindingId,
            perRequest >= CriticalPerRequest ? FindingSeverity.Critical : FindingSeverity.Warn,
            Evidence.Invariant(
                $"On {measured.Scenario}, the proxy's process resolved '{capture.UpstreamHost}' {capture.DnsResolutions} times for {capture.Requests} requests ({Evidence.Number(perRequest)} per request, over {Evidence.Number(capture.PerRequest(capture.SocketConnects))} new sockets per request): it looks the upstream up for almost every request."),
            facts,
            "Resolve once per connection, not per request: keep upstream connections pooled (one long-lived SocketsHttpHandler; its ConnectCallback should not call Dns itself per request), or cache resolutions for their TTL; on Linux nothing below .NET caches names unless nscd or systemd-resolved runs.");
    }

    private static bool IsName(string? host) => !string.IsNullOrEmpty(host) && !IPAddress.TryParse(host.Trim('[', ']'), out _);
}
