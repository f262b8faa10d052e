using CorsLab.Results;

namespace CorsLab.Diagnostics.Verdict;

/// <summary>
/// A target's place in its scenario. Ratios are to the best among the ranked targets: throughput ≤ 1, latencies ≥ 1.
/// <see cref="VersusDirect"/> is throughput as a fraction of the direct reference's, when the scenario has one.
/// <see cref="Findings"/> are the run's findings at warn or above that name this target and scenario.
/// </summary>
public sealed record RankedTarget(
    int Rank,
    TargetStats Stats,
    double ThroughputRatio,
    double P50Ratio,
    double P99Ratio,
    double? VersusDirect,
    double? P50AddedOverDirect,
    IReadOnlyList<FindingRecord> Findings);
