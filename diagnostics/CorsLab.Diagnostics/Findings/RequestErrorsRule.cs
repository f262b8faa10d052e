using CorsLab.Results;

namespace CorsLab.Diagnostics.Findings;

/// <summary>
/// <c>request-errors</c>: requests through the target ended in an error more often than direct's in the same
/// scenario. The errors scenario's refused and reset upstreams fail direct too: only the excess is the target's.
/// The stale probe's failures are <see cref="StaleUpstreamConnectionRule"/>'s evidence, named there; the silent
/// upstream's are the probe's purpose (a 504, or <see cref="MissingUpstreamTimeoutRule"/>'s timeout).
/// </summary>
public sealed class RequestErrorsRule : IFindingRule
{
    public const string FindingId = "request-errors";

    /// <summary>An excess error rate above one request in a hundred rules a target out of a recommendation.</summary>
    public const double WarnExcessRate = 0.01;

    public string Id => FindingId;

    /// <summary>Any scenario.</summary>
    public IReadOnlyList<string> Scenarios { get; } = [];

    public Finding? Evaluate(TargetEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var failing = new List<(string Scenario, long Errors, long Requests, double Excess, double DirectRate, Dictionary<string, long> ByKind)>();
        foreach (var scenario in evidence.Scenarios.Where(name => name is not (ScenarioNames.StaleProbe or ScenarioNames.SilentUpstream)))
        {
            var repeats = evidence.Repeats(scenario).ToList();
            var (errors, requests) = Totals(repeats);
            var directRate = Rate(Totals(evidence.DirectRepeats(scenario).ToList()));
            var excess = Rate((errors, requests)) - directRate;
            if (errors > 0 && excess > 0)
            {
                var byKind = repeats.SelectMany(m => m.Errors).GroupBy(e => e.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(e => e.Value), StringComparer.Ordinal);
                failing.Add((scenario, errors, requests, excess, directRate, byKind));
            }
        }

        if (failing.Count == 0)
        {
            return null;
        }

        var worst = failing.OrderByDescending(entry => entry.Excess).First();
        var severity = worst.Excess > WarnExcessRate ? FindingSeverity.Warn : FindingSeverity.Info;
        var kinds = string.Join(", ", worst.ByKind.OrderByDescending(kind => kind.Value).Select(kind => $"{kind.Key} {kind.Value}"));
        var summary = Evidence.Invariant(
            $"In {worst.Scenario}, {worst.Errors} of {worst.Requests} requests through the target failed ({kinds}): {Evidence.Percent(worst.Excess)} more than direct's {Evidence.Percent(worst.DirectRate)}{(failing.Count > 1 ? $"; also in {string.Join(", ", failing.Where(e => e.Scenario != worst.Scenario).Select(e => e.Scenario))}" : "")}.");
        var facts = new Dictionary<string, string>
        {
            ["scenario"] = worst.Scenario,
            ["scenarios"] = string.Join(",", failing.Select(entry => entry.Scenario)),
            ["errors"] = Evidence.Count(worst.Errors),
            ["requests"] = Evidence.Count(worst.Requests),
            ["excessRate"] = Evidence.Number(worst.Excess),
            ["direct.errorRate"] = Evidence.Number(worst.DirectRate),
        };
        foreach (var (kind, count) in worst.ByKind)
        {
            facts["errors." + kind] = Evidence.Count(count);
        }

        return new Finding(
            FindingId,
            severity,
            summary,
            facts,
            "Read the error kinds: connect or reset errors point at the target's listener or upstream pool (limits, timeouts, stale connections), status-5xx at its upstream error mapping; rerun the spec against the target.");
    }

    private static (long Errors, long Requests) Totals(IReadOnlyList<ScenarioMeasurement> repeats) =>
        (repeats.Sum(m => m.Errors.Values.Sum()), repeats.Sum(m => m.Requests));

    private static double Rate((long Errors, long Requests) totals) => totals.Requests == 0 ? 0 : (double)totals.Errors / totals.Requests;
}
