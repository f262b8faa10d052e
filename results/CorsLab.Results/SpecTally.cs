namespace CorsLab.Results;

/// <summary>Spec outcome counts for one target.</summary>
public sealed record SpecTally(string Target, int Passed, int Failed, int Skipped, IReadOnlyList<string> FailedCases);
