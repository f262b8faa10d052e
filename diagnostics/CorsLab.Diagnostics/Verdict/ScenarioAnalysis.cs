using CorsLab.Results;

namespace CorsLab.Diagnostics.Verdict;

/// <summary>One scenario: its load model, the ranked engines (and external targets), the direct reference, every repeat as measured.</summary>
public sealed record ScenarioAnalysis(
    string Scenario,
    LoadModelSettings Model,
    string Driver,
    DecidingMetric Metric,
    Margin Margin,
    IReadOnlyList<RankedTarget> Ranking,
    TargetStats? Direct,
    IReadOnlyList<ScenarioMeasurement> Measurements)
{
    public IEnumerable<TargetStats> AllTargets => Direct is null
        ? Ranking.Select(ranked => ranked.Stats)
        : Ranking.Select(ranked => ranked.Stats).Prepend(Direct);
}
