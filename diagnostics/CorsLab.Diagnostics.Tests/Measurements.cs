using CorsLab.Results;

namespace CorsLab.Diagnostics.Tests;

/// <summary>Builds <see cref="ScenarioMeasurement"/>s for rule tests with real HdrHistograms (µs).</summary>
internal static class Measurements
{
    private static readonly LoadModelSettings Model = new("concurrency", 1, null, null, 1, 0, 1, null);

    public static ScenarioMeasurement Of(string target, string scenario, IEnumerable<long> latencies, ThreePointSummary? three = null)
    {
        var histogram = HistogramRecords.CreateMicroseconds();
        foreach (var micros in latencies)
        {
            histogram.RecordValue(micros);
        }

        var record = HistogramRecords.From(histogram);
        return new ScenarioMeasurement
        {
            Target = target,
            Scenario = scenario,
            Model = Model,
            Requests = record.Count,
            Latency = record,
            FirstByte = record,
            ThreePoint = three,
        };
    }

    /// <summary><paramref name="count"/> latencies around <paramref name="micros"/> (±5%, deterministic).</summary>
    public static IEnumerable<long> Around(long micros, int count) =>
        Enumerable.Range(0, count).Select(i => micros + (micros * ((i % 11) - 5) / 100));

    public static ThreePointSummary Three(
        long joined = 100,
        double firstByteAfterOriginLast = 0,
        long bufferingEligible = 0,
        double requestFirstByteAfterClientLast = 0,
        long requestBufferingEligible = 0,
        long originConnections = 4,
        long clientConnections = 4,
        double firstByteGapP50 = 200,
        double inboundP50 = 300,
        double? requestFirstByteGapP50 = null)
    {
        var gap = new PercentileSummary(firstByteGapP50, firstByteGapP50 * 2, firstByteGapP50 * 4, firstByteGapP50 * 5);
        var inbound = new PercentileSummary(inboundP50, inboundP50 * 2, inboundP50 * 4, inboundP50 * 5);
        var requestGap = requestFirstByteGapP50 ?? (requestFirstByteAfterClientLast > 0.5 ? 50_000 : -40_000);
        var request = requestBufferingEligible > 0 ? new PercentileSummary(requestGap, requestGap * 1.5, requestGap * 2, requestGap * 3) : null;
        return new ThreePointSummary(
            joined, 0, inbound, new PercentileSummary(80_000, 80_000, 80_000, 80_000), gap, gap, request,
            firstByteAfterOriginLast, requestFirstByteAfterClientLast, originConnections, clientConnections,
            joined > 0 ? (double)originConnections / joined : 0)
        {
            BufferingEligible = bufferingEligible,
            RequestBufferingEligible = requestBufferingEligible,
        };
    }

    public static Findings.TargetEvidence Evidence(ScenarioMeasurement target, ScenarioMeasurement? direct) =>
        new(target.Target, [target], direct is null ? [] : [direct]);
}
