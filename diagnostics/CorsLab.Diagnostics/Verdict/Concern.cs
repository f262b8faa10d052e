namespace CorsLab.Diagnostics.Verdict;

/// <summary>Why a target is not recommended: findings at warn or above, or failed spec cases.</summary>
/// <param name="Count">Findings, or failed spec cases.</param>
/// <param name="Names">The findings' ids, or the failed cases' names.</param>
public sealed record Concern(ConcernKind Kind, int Count, IReadOnlyList<string> Names);

public enum ConcernKind
{
    Findings,
    SpecFailures,
}
