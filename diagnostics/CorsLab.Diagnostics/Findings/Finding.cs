using CorsLab.Results;

namespace CorsLab.Diagnostics.Findings;

/// <summary>
/// What a rule concluded about one target: a stable id, a severity, one sentence with the numbers that
/// triggered it, the evidence (key → value, invariant culture) and what to change. Data, not text to parse.
/// </summary>
public sealed record Finding(
    string Id,
    FindingSeverity Severity,
    string Summary,
    IReadOnlyDictionary<string, string> Evidence,
    string Remedy)
{
    public bool IsWarnOrAbove => Severity >= FindingSeverity.Warn;

    /// <summary>The run.json shape (<see cref="FindingRecord"/>) of this finding for <paramref name="target"/>.</summary>
    public FindingRecord ToRecord(string target) =>
        new(target, Id, FindingSeverities.Name(Severity), Summary, Evidence, Remedy);
}
