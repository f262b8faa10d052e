using CorsLab.Results;

namespace CorsLab.Diagnostics.Findings;

/// <summary>
/// <c>upstream-nagle-delay</c> (info): the upstream itself stalls on delayed ACKs. The upstream-nagle probe asks the
/// origin to keep Nagle on and send head and body apart; when that costs ~40 ms direct as well as through the
/// target, the stall is the upstream's, and the proxy is not blamed (<see cref="NagleDelayRule"/> reads other
/// scenarios, each against direct). Info: a number worth knowing about the upstream, not a fault of the proxy.
/// </summary>
public sealed class UpstreamNagleDelayRule : IFindingRule
{
    public const string FindingId = "upstream-nagle-delay";

    /// <summary>As <see cref="NagleDelayRule.WarnExcess"/>: three requests in ten in the 40 ms bands is no accident.</summary>
    public const double MinFraction = 0.3;

    public string Id => FindingId;

    public IReadOnlyList<string> Scenarios { get; } = [ScenarioNames.UpstreamNagle];

    public Finding? Evaluate(TargetEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        if (evidence.First(Scenarios, m => m.Latency.Count >= NagleDelayRule.MinSamples) is not ({ } measured, var direct))
        {
            return null;
        }

        var fraction = NagleDelayRule.FractionInSteps(HistogramRecords.Decode(measured.Latency));
        var directFraction = direct is { Latency.Count: >= NagleDelayRule.MinSamples } ? NagleDelayRule.FractionInSteps(HistogramRecords.Decode(direct.Latency)) : 0;
        if (Math.Max(fraction, directFraction) < MinFraction)
        {
            return null;
        }

        var summary = Evidence.Invariant(
            $"With the upstream keeping Nagle on and writing head and body apart, {Evidence.Percent(directFraction)} of requests direct and {Evidence.Percent(fraction)} through {evidence.Target} took ~40 ms (p50 {(direct is null ? "not measured" : Evidence.Ms(direct.Latency.P50))} direct, {Evidence.Ms(measured.Latency.P50)} through): the upstream's own writes wait on delayed ACKs; the proxy is not the cause.");
        var facts = new Dictionary<string, string>
        {
            ["scenario"] = measured.Scenario,
            ["fractionIn40msSteps"] = Evidence.Number(fraction),
            ["direct.fractionIn40msSteps"] = Evidence.Number(directFraction),
            ["samples"] = Evidence.Count(measured.Latency.Count),
            ["latency.p50"] = Evidence.Ms(measured.Latency.P50),
        };
        if (direct is not null)
        {
            facts["direct.latency.p50"] = Evidence.Ms(direct.Latency.P50);
        }

        return new Finding(
            FindingId,
            FindingSeverity.Info,
            summary,
            facts,
            "Fix it at the upstream: TCP_NODELAY on its sockets, or head and first body bytes in one write. A proxy cannot remove a stall that happens before the bytes reach it.");
    }
}
