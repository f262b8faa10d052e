using CorsLab.Results.Baselines;

namespace CorsLab.Diagnostics.Gate;

/// <summary>A speed figure the gate judges as a ratio of trial means, each trial's figure already relative to direct.</summary>
public sealed record GateMetric(string Id, string Label, string Unit, bool HigherIsBetter, Func<GateTrial, double?> Select)
{
    /// <summary>
    /// What the proxy adds over direct rather than its raw latency: a build that makes the proxy 10 % slower moves its
    /// own share by 10 %, where the end-to-end latency (client and origin included) would move less. The p99 is the
    /// exception, over direct's p99 (<see cref="GateTrial.P99ToDirect"/>): a tail is a hiccup, not a share. Requests/s
    /// one at a time is direct's mean latency over the target's, in the same duet trial. CPU per request is the proxy's work over
    /// the origin's in the same trial: on loopback a request's time is almost all CPU, and CPU read per thread from the
    /// scheduler moves less with the machine's load than latency does.
    /// </summary>
    public static IReadOnlyList<GateMetric> Speed { get; } =
    [
        new("p50", "p50 over direct", "µs", false, trial => trial.P50OverDirectMicros),
        new("p99", "p99 ÷ direct's", "", false, trial => trial.P99ToDirect),
        new("rps", "requests/s ÷ direct's, one at a time", "", true, trial => trial.RequestsPerSecondToDirect),
        new("cpu", "CPU per request ÷ the origin's", "", false, trial => trial.CpuToOrigin),
    ];
}
