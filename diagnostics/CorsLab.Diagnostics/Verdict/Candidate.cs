namespace CorsLab.Diagnostics.Verdict;

/// <summary>
/// One target considered for the recommendation. <see cref="Score"/> is the geometric mean over the scenarios it ran of
/// its deciding-metric ratio to that scenario's best (1 = best everywhere, 1.2 = 20% behind on average).
/// </summary>
public sealed record Candidate(string Target, double Score, int Wins, int Scenarios, IReadOnlyList<Concern> Concerns)
{
    public bool Qualified => Concerns.Count == 0;
}
