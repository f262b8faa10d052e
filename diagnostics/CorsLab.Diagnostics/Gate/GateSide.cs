using CorsLab.Results.Baselines;

namespace CorsLab.Diagnostics.Gate;

/// <summary>What the gate knows of one side (the candidate now, or the reference): its trials, findings and allocations.</summary>
/// <param name="ConnectionsPerRequest">Upstream connections per request on <c>reuse</c>; null when not joined.</param>
/// <param name="Findings">Ids of the side's findings at warn or above.</param>
/// <param name="Allocations">Bytes per operation by benchmark; empty when not measured.</param>
public sealed record GateSide(
    string Name,
    IReadOnlyList<GateTrial> Trials,
    double? ConnectionsPerRequest,
    IReadOnlyList<string> Findings,
    IReadOnlyDictionary<string, double> Allocations);
