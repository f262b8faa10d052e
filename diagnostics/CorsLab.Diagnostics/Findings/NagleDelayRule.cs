using CorsLab.Results;
using HdrHistogram;

namespace CorsLab.Diagnostics.Findings;

/// <summary>
/// <c>nagle-delay</c>: latencies clustered at ~40 ms steps. Nagle's algorithm holds a small second write until
/// the first is acknowledged, and the peer's delayed ACK (Linux: 40 ms minimum, <c>TCP_DELACK_MIN</c>) holds
/// that acknowledgement: a response written as head + body then takes 40 ms (or a multiple, when it happens
/// on both hops). Reads the exact latency histogram of small requests and counts samples in the 40 ms bands,
/// against direct's count for the same scenario.
/// </summary>
public sealed class NagleDelayRule : IFindingRule
{
    public const string FindingId = "nagle-delay";

    /// <summary>Linux's minimum delayed-ACK timeout (include/net/tcp.h, TCP_DELACK_MIN = HZ/25).</summary>
    public const double StepMicros = 40_000;

    /// <summary>A band starts 4 ms before each step: timers fire at or after 40 ms, a little early only through
    /// rounding of jiffies, so nothing real lands much below.</summary>
    public const double BandBelowMicros = 4_000;

    /// <summary>…and ends 8 ms after it: the stall plus the request's own cost on a busy 2-core machine.</summary>
    public const double BandAboveMicros = 8_000;

    /// <summary>Steps looked at: 40, 80, 120, 160 ms (a stall on each hop, or on several writes, adds up).</summary>
    public const int Steps = 4;

    /// <summary>Fewer samples than this and a fraction is noise. 20: the sequential probe gets ~30 requests in
    /// its second when every one stalls 40 ms, and the warn threshold then still needs 6 of them in the bands.</summary>
    public const long MinSamples = 20;

    /// <summary>Three requests in ten stalled on an ACK, beyond direct: a small GET has no other reason to land
    /// in a 12 ms window 40 ms out, far above its sub-millisecond norm; machine noise on a busy 2-core host puts
    /// a few percent there, not thirty.</summary>
    public const double WarnExcess = 0.3;

    /// <summary>Half the requests pay the stall.</summary>
    public const double CriticalExcess = 0.5;

    /// <summary>
    /// A leg stalls when its three-point gap's p90 exceeds direct's by this much: three quarters of a delayed ACK,
    /// far above a loopback hop's sub-millisecond norm.
    /// </summary>
    public const double LegStallMicros = 30_000;

    public string Id => FindingId;

    /// <summary>
    /// Back-to-back requests on one connection: that is where delayed ACKs bite every time (a connection idle between
    /// requests may be back in quick-ACK mode). The split-write probe first, whose upstream sends head and body apart
    /// as many real upstreams do: a proxy that writes the head on arrival shows its Nagle there even when it joins
    /// head and body of a one-write upstream. Then reuse, the small GETs under load, and the fine drip.
    /// </summary>
    public IReadOnlyList<string> Scenarios { get; } = [ScenarioNames.SplitWrite, ScenarioNames.Reuse, ScenarioNames.SmallGet, ScenarioNames.FineDrip];

    public Finding? Evaluate(TargetEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);

        // The strongest of the scenarios measured: Nagle shows where requests follow each other closely.
        (ScenarioMeasurement Measured, ScenarioMeasurement? Direct, double Fraction, double DirectFraction)? strongest = null;
        foreach (var scenario in Scenarios)
        {
            if (evidence.Measured(scenario) is not { Latency.Count: >= MinSamples } candidate)
            {
                continue;
            }

            var reference = evidence.Direct(scenario);
            var candidateFraction = FractionInSteps(HistogramRecords.Decode(candidate.Latency));
            var referenceFraction = reference is { Latency.Count: >= MinSamples } ? FractionInSteps(HistogramRecords.Decode(reference.Latency)) : 0;
            if (strongest is null || candidateFraction - referenceFraction > strongest.Value.Fraction - strongest.Value.DirectFraction)
            {
                strongest = (candidate, reference, candidateFraction, referenceFraction);
            }
        }

        if (strongest is not var (measured, direct, fraction, directFraction) || fraction - directFraction < WarnExcess)
        {
            return null;
        }

        var excess = fraction - directFraction;

        var severity = excess >= CriticalExcess ? FindingSeverity.Critical : FindingSeverity.Warn;
        var leg = Leg(measured.ThreePoint, direct?.ThreePoint);
        var summary = Evidence.Invariant(
            $"On {measured.Scenario}, {Evidence.Percent(fraction)} of {measured.Latency.Count} requests took 36–48 ms (or a multiple of 40 ms) against {Evidence.Percent(directFraction)} direct; p50 {Evidence.Ms(measured.Latency.P50)} (direct {(direct is null ? "not measured" : Evidence.Ms(direct.Latency.P50))}): writes wait on delayed ACKs{LegPhrase(leg)}.");
        var facts = new Dictionary<string, string>
        {
            ["scenario"] = measured.Scenario,
            ["fractionIn40msSteps"] = Evidence.Number(fraction),
            ["direct.fractionIn40msSteps"] = Evidence.Number(directFraction),
            ["samples"] = Evidence.Count(measured.Latency.Count),
            ["latency.p50"] = Evidence.Ms(measured.Latency.P50),
            ["latency.p90"] = Evidence.Ms(measured.Latency.P90),
            ["leg"] = leg,
        };
        if (direct is not null)
        {
            facts["direct.latency.p50"] = Evidence.Ms(direct.Latency.P50);
        }

        return new Finding(
            FindingId,
            severity,
            summary,
            facts,
            "Set TCP_NODELAY on both the client-facing and the upstream sockets (Socket.NoDelay = true; Kestrel's default), and write a response's head and first body bytes in one send instead of two small writes.");
    }

    /// <summary>
    /// Which hop holds the stall, from the three-point gaps (p90 over direct's): <c>client-facing</c> when the origin's
    /// last byte leaves on time and the client's arrives late (the proxy's writes to its client wait),
    /// <c>upstream</c> when the request reaches the origin late (the proxy's writes to the origin wait), <c>both</c>,
    /// or <c>unknown</c> without a join (a target not measured through our origin).
    /// </summary>
    internal static string Leg(ThreePointSummary? measured, ThreePointSummary? direct)
    {
        if (measured is null)
        {
            return "unknown";
        }

        var clientFacing = measured.LastByteGap.P90 - (direct?.LastByteGap.P90 ?? 0) >= LegStallMicros;
        var upstream = measured.InboundDelay.P90 - (direct?.InboundDelay.P90 ?? 0) >= LegStallMicros;
        return (clientFacing, upstream) switch
        {
            (true, true) => "both",
            (true, false) => "client-facing",
            (false, true) => "upstream",
            _ => "unknown",
        };
    }

    private static string LegPhrase(string leg) => leg switch
    {
        "client-facing" => " on the client-facing leg (the origin's last byte left on time; the client's came ~40 ms later)",
        "upstream" => " on the upstream leg (the request reached the origin ~40 ms late)",
        "both" => " on both legs",
        _ => "",
    };

    /// <summary>The fraction of samples within [k·40 − 4, k·40 + 8] ms for k = 1…<see cref="Steps"/>.</summary>
    internal static double FractionInSteps(HistogramBase histogram)
    {
        if (histogram.TotalCount == 0)
        {
            return 0;
        }

        long inBands = 0;
        foreach (var value in histogram.RecordedValues())
        {
            var micros = (double)histogram.MedianEquivalentValue(value.ValueIteratedTo);
            for (var step = 1; step <= Steps; step++)
            {
                var centre = step * StepMicros;
                if (micros >= centre - BandBelowMicros && micros <= centre + BandAboveMicros)
                {
                    inBands += value.CountAtValueIteratedTo;
                    break;
                }
            }
        }

        return (double)inBands / histogram.TotalCount;
    }
}
