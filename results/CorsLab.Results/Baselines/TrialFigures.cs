namespace CorsLab.Results.Baselines;

/// <summary>One target's raw figures in one duet trial (µs): what the load client measured, before any judgement.</summary>
public sealed record TrialFigures(string Target, long Requests, long Errors, double P50, double P99, double Mean, double ClientTurnaroundP50);
