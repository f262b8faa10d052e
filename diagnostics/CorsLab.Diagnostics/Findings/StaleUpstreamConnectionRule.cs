using CorsLab.Results;

namespace CorsLab.Diagnostics.Findings;

/// <summary>
/// <c>stale-upstream-connection</c>: requests that come after the origin closed the proxy's idle upstream connection
/// fail through the proxy and not direct: the proxy reused a pooled connection without noticing the close and did
/// not retry on a new one. Reads the stale probe, whose requests are spaced wider than the origin's idle timeout.
/// A proxy that retries such a failure costs only a reconnect, which on loopback is too small to tell apart, so
/// the rule judges failures only.
/// </summary>
public sealed class StaleUpstreamConnectionRule : IFindingRule
{
    public const string FindingId = "stale-upstream-connection";

    /// <summary>The probe sends a request every 333 ms; fewer than this many make no share worth stating.</summary>
    public const long MinRequests = 6;

    /// <summary>Failed share above direct's for a warn: one request in ten lost to a closed connection.</summary>
    public const double WarnExcessRate = 0.1;

    /// <summary>Failed share for critical: a third, i.e. most requests that could have met a stale connection.</summary>
    public const double CriticalExcessRate = 0.33;

    public string Id => FindingId;

    public IReadOnlyList<string> Scenarios { get; } = [ScenarioNames.StaleProbe];

    public Finding? Evaluate(TargetEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        if (evidence.First(Scenarios, m => m.Requests >= MinRequests) is not ({ } measured, var direct))
        {
            return null;
        }

        var errors = measured.Errors.Values.Sum();
        var rate = (double)errors / measured.Requests;
        var directRate = direct is { Requests: > 0 } ? (double)direct.Errors.Values.Sum() / direct.Requests : 0;
        var excess = rate - directRate;
        if (errors < 2 || excess < WarnExcessRate)
        {
            return null;
        }

        var kinds = string.Join(", ", measured.Errors.Where(kind => kind.Value > 0).OrderByDescending(kind => kind.Value).Select(kind => $"{kind.Key} {kind.Value}"));
        var summary = Evidence.Invariant(
            $"{errors} of {measured.Requests} requests failed through the proxy ({kinds}) when each came after the origin had closed the idle upstream connection, against {Evidence.Percent(directRate)} direct: the proxy reused pooled connections the origin had closed, without checking them first or retrying on a new one.");
        var facts = new Dictionary<string, string>
        {
            ["scenario"] = measured.Scenario,
            ["requests"] = Evidence.Count(measured.Requests),
            ["errors"] = Evidence.Count(errors),
            ["errorRate"] = Evidence.Number(rate),
            ["direct.errorRate"] = Evidence.Number(directRate),
        };
        return new Finding(
            FindingId,
            excess >= CriticalExcessRate ? FindingSeverity.Critical : FindingSeverity.Warn,
            summary,
            facts,
            "Check a pooled connection before reusing it (a pending read-ahead sees the upstream's close, as SocketsHttpHandler does), evict connections idle longer than the upstream's keep-alive timeout, and retry a request that failed on a reused connection before any response byte on a new one.");
    }
}
