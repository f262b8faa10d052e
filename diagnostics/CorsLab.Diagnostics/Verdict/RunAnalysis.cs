using CorsLab.Results;

namespace CorsLab.Diagnostics.Verdict;

/// <summary>Everything the exporters render: the run as read, and what the analysers concluded from it.</summary>
public sealed record RunAnalysis(
    RunDocument Run,
    IReadOnlyList<RunCaveat> Caveats,
    IReadOnlyList<ScenarioAnalysis> Scenarios,
    Recommendation Recommendation,
    int IncompletePhases)
{
    /// <summary>The open-model phases whose send lateness p99 passed <see cref="RunAnalyzer.MaxSendLatenessP99Micros"/>.</summary>
    public IReadOnlyList<ScenarioMeasurement> LatePhases { get; init; } = [];

    /// <summary>The targets and scenarios whose figure is within reach of the load client's ceiling.</summary>
    public IReadOnlyList<CeilingBound> CeilingBound { get; init; } = [];
}
