namespace CorsLab.Load.Duet;

/// <summary>
/// One target's requests in one duet trial, µs: latency percentiles and mean, how many, how many failed, and the
/// load client's own turnaround (its last response read to its next send) at p50; and the CPU time its process
/// used over the measured rounds (seconds), when it has a local process.
/// </summary>
public sealed record DuetSample(string Target, long Requests, long Errors, double P50, double P99, double Mean, double ClientTurnaroundP50, double? CpuSeconds = null);
