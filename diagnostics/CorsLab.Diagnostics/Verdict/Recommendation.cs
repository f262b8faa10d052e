namespace CorsLab.Diagnostics.Verdict;

/// <summary>
/// The engine to ship for the measured workload: the best-scoring candidate with no concern, or, when every candidate
/// has one, the best-scoring of all (<see cref="AllHaveConcerns"/>). Null <see cref="Chosen"/> when nothing was ranked.
/// </summary>
/// <param name="Candidates">Best score first.</param>
/// <param name="UnsettledScenarios">Scenarios whose first place is within the spread of repeats or rests on one repeat.</param>
public sealed record Recommendation(
    Candidate? Chosen,
    Candidate? RunnerUp,
    bool AllHaveConcerns,
    IReadOnlyList<Candidate> Candidates,
    IReadOnlyList<string> UnsettledScenarios);
