namespace CorsLab.Results.Baselines;

/// <summary>
/// One duet trial of one target, every figure taken relative to <c>direct</c> measured in the same trial, batch by
/// batch, so machine speed cancels out of it: what the proxy adds at p50 and p99 (µs), its requests/s one at a time as
/// a fraction of direct's, and the share of its requests that failed.
/// </summary>
/// <param name="Late">The machine was too busy in this trial (the load client's turnaround, or direct's own p50, over the gate's bounds): its figures measure the lab.</param>
public sealed record GateTrial(
    int Repeat,
    double P50OverDirectMicros,
    double P99OverDirectMicros,
    double RequestsPerSecondToDirect,
    double FailedShare,
    bool Late);
