using CorsLab.Results;

namespace CorsLab.Diagnostics.Findings;

/// <summary>
/// <c>proxy-overhead</c> (info): what the proxy adds to a small request, against direct: latency p50/p99,
/// split into the way in (<see cref="ThreePointSummary.InboundDelay"/>: client send → origin head) and the way
/// out (<see cref="ThreePointSummary.FirstByteGap"/>, <see cref="ThreePointSummary.LastByteGap"/>: origin's byte
/// out → client's byte in). Always info: overhead is a number to know, a gate judges it against a baseline.
/// </summary>
public sealed class ProxyOverheadRule : IFindingRule
{
    public const string FindingId = "proxy-overhead";

    /// <summary>Fewer samples than this and a p99 is a single request.</summary>
    public const long MinSamples = 50;

    public string Id => FindingId;

    public IReadOnlyList<string> Scenarios { get; } = [ScenarioNames.SmallGet, ScenarioNames.Reuse];

    public Finding? Evaluate(TargetEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        if (evidence.First(Scenarios, m => m.Latency.Count >= MinSamples) is not ({ } measured, { } direct) || direct.Latency.Count < MinSamples)
        {
            return null;
        }

        var addedP50 = AddedLatency.Of(measured.Latency, direct.Latency, 50);
        var addedP99 = AddedLatency.Of(measured.Latency, direct.Latency, 99);
        var facts = new Dictionary<string, string>
        {
            ["scenario"] = measured.Scenario,
            ["latency.p50"] = Evidence.Ms(measured.Latency.P50),
            ["latency.p99"] = Evidence.Ms(measured.Latency.P99),
            ["direct.latency.p50"] = Evidence.Ms(direct.Latency.P50),
            ["direct.latency.p99"] = Evidence.Ms(direct.Latency.P99),
            ["added.p50"] = addedP50.Describe(),
            ["added.p99"] = addedP99.Describe(),
            ["added.p50.low"] = Evidence.Ms(Math.Max(0, addedP50.Low)),
            ["added.p50.high"] = Evidence.Ms(Math.Max(0, addedP50.High)),
        };
        var split = "";
        if (measured.ThreePoint is { Joined: > 0 } three && direct.ThreePoint is { Joined: > 0 } directThree)
        {
            var inP50 = three.InboundDelay.P50 - directThree.InboundDelay.P50;
            var inP99 = three.InboundDelay.P99 - directThree.InboundDelay.P99;
            var outP50 = three.LastByteGap.P50 - directThree.LastByteGap.P50;
            var outP99 = three.LastByteGap.P99 - directThree.LastByteGap.P99;
            facts["inbound.added.p50"] = Evidence.Added(inP50);
            facts["inbound.added.p99"] = Evidence.Added(inP99);
            facts["firstByteGap.added.p50"] = Evidence.Added(three.FirstByteGap.P50 - directThree.FirstByteGap.P50);
            facts["lastByteGap.added.p50"] = Evidence.Added(outP50);
            facts["lastByteGap.added.p99"] = Evidence.Added(outP99);
            split = Evidence.Invariant($": way in {Evidence.Added(inP50)} p50 / {Evidence.Added(inP99)} p99, way out {Evidence.Added(outP50)} p50 / {Evidence.Added(outP99)} p99");
        }

        var summary = Evidence.Invariant(
            $"On {measured.Scenario} ({measured.Latency.Count} requests, direct {direct.Latency.Count}), the proxy adds at p50 {addedP50.Describe()} and at p99 {addedP99.Describe()} ({Evidence.Ms(measured.Latency.P50)} / {Evidence.Ms(measured.Latency.P99)} against direct {Evidence.Ms(direct.Latency.P50)} / {Evidence.Ms(direct.Latency.P99)}){split}.");
        return new Finding(
            FindingId,
            FindingSeverity.Info,
            summary,
            facts,
            "None needed by itself; if the way in dominates look at request parsing and upstream connect/pooling, if the way out dominates look at response copying, flushing and buffer sizes.");
    }
}
