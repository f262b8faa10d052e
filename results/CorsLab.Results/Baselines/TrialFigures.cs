namespace CorsLab.Results.Baselines;

/// <summary>
/// One target's raw figures in one duet trial (µs): what the load client measured, before any judgement, and the CPU
/// seconds its process used over the trial (null when it has no local process to read).
/// </summary>
public sealed record TrialFigures(string Target, long Requests, long Errors, double P50, double P99, double Mean, double ClientTurnaroundP50, double? CpuSeconds = null);
