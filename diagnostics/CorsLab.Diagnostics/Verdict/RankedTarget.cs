using CorsLab.Diagnostics.Findings;
using CorsLab.Results;

namespace CorsLab.Diagnostics.Verdict;

/// <summary>
/// A target's place in its scenario. Ratios are to the best among the ranked targets: throughput ≤ 1, latencies ≥ 1.
/// <see cref="VersusDirect"/> is throughput as a fraction of the direct reference's, and <see cref="P50OverDirect"/>
/// the median latency added over it with its interval (every repeat merged), when the scenario has a direct.
/// <see cref="Findings"/> are the run's findings at warn or above that name this target and scenario.
/// </summary>
public sealed record RankedTarget(
    int Rank,
    TargetStats Stats,
    double ThroughputRatio,
    double P50Ratio,
    double P99Ratio,
    double? VersusDirect,
    AddedLatency? P50OverDirect,
    IReadOnlyList<FindingRecord> Findings);
