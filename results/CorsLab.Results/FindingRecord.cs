namespace CorsLab.Results;

/// <summary>A named cause with its numbers, as the diagnosis rules produced it for one target.</summary>
/// <param name="Severity"><c>info</c>, <c>warn</c> or <c>critical</c>.</param>
public sealed record FindingRecord(
    string Target,
    string Id,
    string Severity,
    string Summary,
    IReadOnlyDictionary<string, string> Evidence,
    string Remedy);
