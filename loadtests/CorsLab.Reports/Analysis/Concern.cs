namespace CorsLab.Reports.Analysis;

/// <summary>Why a target is not recommended: a misbehaviour in a scenario, failed spec cases, or a critical finding.</summary>
/// <param name="Behaviour">Set for <see cref="ConcernKind.Behaviour"/>.</param>
/// <param name="Count">Failed spec cases, or critical findings.</param>
/// <param name="Names">The failed cases' or findings' names.</param>
public sealed record Concern(ConcernKind Kind, Behaviour? Behaviour, int Count, IReadOnlyList<string> Names);

public enum ConcernKind
{
    Behaviour,
    SpecFailures,
    CriticalFindings,
}
