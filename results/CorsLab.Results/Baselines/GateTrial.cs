namespace CorsLab.Results.Baselines;

/// <summary>
/// One interleaved trial of one target, every figure taken relative to <c>direct</c> measured in the same trial, so
/// machine speed cancels out of it: what the proxy adds at p50 and p99 on <c>small-get</c> (µs), its requests/s on
/// <c>reuse</c> as a fraction of direct's, and the upstream connections it opened per request there (a count).
/// </summary>
/// <param name="Late">The load client sent late in this trial (send lateness over its bound): its figures measure the lab.</param>
public sealed record GateTrial(
    int Repeat,
    double P50OverDirectMicros,
    double P99OverDirectMicros,
    double RequestsPerSecondToDirect,
    double? OriginConnectionsPerRequest,
    bool Late);
