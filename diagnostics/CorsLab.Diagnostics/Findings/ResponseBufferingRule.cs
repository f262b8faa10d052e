using CorsLab.Results;

namespace CorsLab.Diagnostics.Findings;

/// <summary>
/// <c>response-buffering</c>: the client's first body byte waits for the origin's last. Reads the three-point
/// join of a dripped response: <see cref="ThreePointSummary.FirstByteAfterOriginLast"/> is the fraction of
/// responses (whose origin body took ≥ 1 ms to write) that reached the client only after the origin finished.
/// A streaming path forwards each piece as it comes, so direct shows ~0. Of the dripped scenarios measured, the
/// one held back most is judged: a proxy may stream chunked bodies and still buffer an HTTP/1.0 close-delimited one.
/// When the engine was traced, the finding is corroborated from inside: the share of its traced responses whose
/// first byte out came only at the end of the body copy (<see cref="StageBreakdown.FirstByteOutHeldBack"/>).
/// </summary>
public sealed class ResponseBufferingRule : IFindingRule
{
    public const string FindingId = "response-buffering";

    /// <summary>Fewer eligible responses than this and a fraction is noise (one stall would count as 5%).</summary>
    public const long MinEligible = 20;

    /// <summary>Half the dripped responses held back: a streaming proxy holds none (it forwards the first piece
    /// tens of ms before the last is written), so even a badly stalled one stays far below this.</summary>
    public const double WarnExcess = 0.5;

    /// <summary>Nine in ten held back: buffering is the rule, not an accident.</summary>
    public const double CriticalExcess = 0.9;

    /// <summary>Traced responses needed before the spans' share is quoted (tracing samples a tenth by default).</summary>
    public const int MinTracedForCorroboration = 5;

    public string Id => FindingId;

    public bool NeedsOriginTimings => true;

    public IReadOnlyList<string> Scenarios { get; } = [ScenarioNames.Drip, ScenarioNames.Sse, ScenarioNames.Http10Drip];

    public Finding? Evaluate(TargetEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var judged = Scenarios
            .Select(scenario => (Measured: evidence.Measured(scenario), Direct: evidence.Direct(scenario)))
            .Where(pair => pair.Measured?.ThreePoint is { } t && t.BufferingEligible >= MinEligible)
            .Select(pair => (pair.Measured, pair.Direct, Excess: pair.Measured!.ThreePoint!.FirstByteAfterOriginLast - DirectFraction(pair.Direct)))
            .OrderByDescending(pair => pair.Excess)
            .FirstOrDefault();
        if (judged.Measured is not { } measured || judged.Excess < WarnExcess)
        {
            return null;
        }

        var (direct, excess) = (judged.Direct, judged.Excess);
        var three = measured.ThreePoint!;
        var directFraction = DirectFraction(direct);

        var held = (long)Math.Round(three.FirstByteAfterOriginLast * three.BufferingEligible);
        var severity = excess >= CriticalExcess ? FindingSeverity.Critical : FindingSeverity.Warn;
        var directGap = direct?.ThreePoint?.FirstByteGap.P50;
        var summary = Evidence.Invariant(
            $"On {measured.Scenario}, {Evidence.Percent(three.FirstByteAfterOriginLast)} of responses ({held} of {three.BufferingEligible}) reached the client only after the origin wrote its last byte (direct: {Evidence.Percent(directFraction)}); first byte {Evidence.Ms(three.FirstByteGap.P50)} after the origin's at p50{(directGap is { } g ? $" (direct {Evidence.Ms(g)})" : "")}.");
        var facts = new Dictionary<string, string>
        {
            ["scenario"] = measured.Scenario,
            ["firstByteAfterOriginLast"] = Evidence.Number(three.FirstByteAfterOriginLast),
            ["direct.firstByteAfterOriginLast"] = Evidence.Number(directFraction),
            ["bufferingEligible"] = Evidence.Count(three.BufferingEligible),
            ["firstByteGap.p50"] = Evidence.Ms(three.FirstByteGap.P50),
            ["firstByteGap.p99"] = Evidence.Ms(three.FirstByteGap.P99),
            ["originTime.p50"] = Evidence.Ms(three.OriginTime.P50),
        };
        if (directGap is { } gap)
        {
            facts["direct.firstByteGap.p50"] = Evidence.Ms(gap);
        }

        if (measured.Stages is { BufferingEligible: >= MinTracedForCorroboration, FirstByteOutHeldBack: { } fromSpans } stages)
        {
            facts["spans.firstByteOutHeldBack"] = Evidence.Number(fromSpans);
            facts["spans.bufferingEligible"] = Evidence.Count(stages.BufferingEligible);
            summary += Evidence.Invariant($" Inside the proxy (its spans): {Evidence.Percent(fromSpans)} of {stages.BufferingEligible} traced responses sent their first byte only at the end of the body copy.");
        }

        return new Finding(
            FindingId,
            severity,
            summary,
            facts,
            "Stream the upstream response: copy each chunk to the client as it arrives and flush it (no ReadAsStringAsync/ReadAsByteArrayAsync or LoadIntoBufferAsync; HttpCompletionOption.ResponseHeadersRead; in nginx proxy_buffering off or X-Accel-Buffering: no; in Node pipe the upstream response instead of collecting it).");
    }

    private static double DirectFraction(ScenarioMeasurement? direct) =>
        direct?.ThreePoint is { BufferingEligible: >= MinEligible } d ? d.FirstByteAfterOriginLast : 0;
}
