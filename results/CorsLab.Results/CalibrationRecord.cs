namespace CorsLab.Results;

/// <summary>
/// <c>bench --calibrate</c>: each engine started again with known added latencies, and how close the lab came to
/// measuring them. The command writes the points; the judgement fills in the results once the run is measured.
/// </summary>
public sealed record CalibrationRecord
{
    /// <summary>The scenario every point was measured with.</summary>
    public required string Scenario { get; init; }

    public IReadOnlyList<CalibrationPoint> Points { get; init; } = [];

    public IReadOnlyList<CalibrationResult> Results { get; init; } = [];
}

/// <summary>A known truth: <paramref name="Target"/> is <paramref name="Reference"/>'s engine holding each request <paramref name="AddedMicros"/> µs longer (0: a second clean process).</summary>
public sealed record CalibrationPoint(string Engine, string Target, string Reference, double AddedMicros);

/// <summary>
/// What the lab measured for a point at p50: the target's added latency over its reference with a 95 % interval,
/// the tolerance it had to land within, the samples behind it, and whether it did.
/// </summary>
public sealed record CalibrationResult(
    string Engine,
    string Target,
    double AddedMicros,
    double MeasuredMicros,
    double LowMicros,
    double HighMicros,
    double ToleranceMicros,
    long Samples,
    bool Within);
