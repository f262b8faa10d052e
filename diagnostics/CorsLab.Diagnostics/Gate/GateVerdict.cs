namespace CorsLab.Diagnostics.Gate;

/// <summary>What <see cref="GateJudge"/> concluded: data, no text beyond the reasons a run could not measure.</summary>
/// <param name="NewFindings">Finding ids (warn or above) the candidate has and the reference has not: each fails the gate.</param>
/// <param name="TrialsUsed">Trials (pairs, side by side) the speed rows rest on.</param>
public sealed record GateVerdict(
    GateOutcome Outcome,
    IReadOnlyList<GateRow> Rows,
    IReadOnlyList<string> NewFindings,
    IReadOnlyList<string> GoneFindings,
    IReadOnlyList<string> Reasons,
    int TrialsUsed);
