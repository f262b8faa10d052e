using CorsLab.Results;

namespace CorsLab.Diagnostics.Verdict;

/// <summary>One target in one scenario over all its repeats.</summary>
/// <param name="Throughput">Requests per second, per repeat.</param>
/// <param name="P50">Per-repeat median latency, µs.</param>
/// <param name="P99">Per-repeat p99 latency, µs.</param>
/// <param name="Merged">Every repeat's latency histogram added together: the percentile curve and the table's percentiles.</param>
/// <param name="FirstByte">Every repeat's first-byte histogram added together, when recorded.</param>
/// <param name="ThreePoint">The median over repeats of each three-point quantity, when the target ran through our origin.</param>
/// <param name="Representative">The repeat whose throughput is the median: its time series stands for the target.</param>
public sealed record TargetStats(
    string Target,
    string Kind,
    IReadOnlyList<string> Faults,
    int Repeats,
    bool Complete,
    Spread Throughput,
    Spread P50,
    Spread P99,
    HistogramRecord Merged,
    HistogramRecord? FirstByte,
    long Requests,
    long Errors,
    IReadOnlyDictionary<string, long> StatusCounts,
    ThreePointSummary? ThreePoint,
    ResourceSummary? Resources,
    ScenarioMeasurement Representative)
{
    public bool IsDirect => Kind == TargetKinds.Direct;

    public double ErrorRate => Requests == 0 ? 0 : (double)Errors / Requests;
}
