using CorsLab.Diagnostics.Findings;
using CorsLab.Results;
using CorsLab.Results.Baselines;

namespace CorsLab.Diagnostics.Gate;

/// <summary>
/// Turns what a gate run measured into <see cref="GateSide"/>s: duet trials into figures over direct's of the same
/// trial, and the gate's bench pass (run.json) into upstream connections per request and findings.
/// </summary>
public static class GateSampler
{
    /// <summary>The scenarios of the bench pass: reuse (connections per request), small-get and drip (findings, buffering included).</summary>
    public static IReadOnlyList<string> Scenarios { get; } = [ScenarioNames.SmallGet, ScenarioNames.Reuse, ScenarioNames.Drip];

    /// <summary>
    /// A trial whose load client took more than this from one response to its next request (at the median) was
    /// descheduled: its latencies measure the lab. Quiet, the client turns around in 10–30 µs on loopback.
    /// </summary>
    public const double MaxClientTurnaroundP50Micros = 250;

    /// <summary>
    /// A trial in which the origin itself, with no proxy, took more than this at the median to answer a 1 KB GET on
    /// loopback measured an overloaded machine (quiet: 50–110 µs; seen at 2 ms and 20 requests/s while three builds
    /// ran beside the gate): every ratio of it is noise.
    /// </summary>
    public const double MaxDirectP50Micros = 1_000;

    /// <summary>Null when direct answered nothing in the trial (nothing to be relative to).</summary>
    /// <param name="originRequests">Every target's requests in the trial: each reached the origin once, so the origin's CPU (direct's process) is shared by all of them.</param>
    public static GateTrial? Trial(int repeat, TrialFigures target, TrialFigures direct, long originRequests)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(direct);
        if (direct.Requests - direct.Errors <= 0 || direct.Mean <= 0)
        {
            return null;
        }

        var answered = target.Requests - target.Errors;
        return new GateTrial(
            repeat,
            target.P50 - direct.P50,
            direct.P99 > 0 && answered > 0 ? target.P99 / direct.P99 : null,
            answered > 0 && target.Mean > 0 ? direct.Mean / target.Mean : 0,
            target.Requests > 0 ? target.Errors / (double)target.Requests : 1,
            target.ClientTurnaroundP50 > MaxClientTurnaroundP50Micros || direct.ClientTurnaroundP50 > MaxClientTurnaroundP50Micros || direct.P50 > MaxDirectP50Micros,
            CpuToOrigin(target, direct, originRequests),
            direct.CpuSeconds is > 0 and var originCpu && originRequests > 0 ? originCpu / originRequests * 1e6 : null);
    }

    private static double? CpuToOrigin(TrialFigures target, TrialFigures direct, long originRequests) =>
        target is { CpuSeconds: > 0 and var proxyCpu, Requests: > 0 } && direct.CpuSeconds is > 0 and var originCpu && originRequests > 0
            ? proxyCpu / target.Requests / (originCpu / originRequests)
            : null;

    /// <summary>Upstream connections per request of <paramref name="target"/> on reuse, over the bench pass's repeats; null when not joined.</summary>
    public static double? ConnectionsPerRequest(RunDocument run, string target)
    {
        ArgumentNullException.ThrowIfNull(run);
        var joined = run.Measurements
            .Where(m => m.Target == target && m.Scenario == ScenarioNames.Reuse && m.ThreePoint is { Joined: > 0 })
            .Select(m => m.ThreePoint!)
            .ToArray();
        return joined.Length == 0 ? null : joined.Sum(j => (double)j.OriginConnections) / joined.Sum(j => j.Joined);
    }

    public static IReadOnlyList<string> WarnFindings(RunDocument run, string target)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run.Findings
            .Where(f => f.Target == target && FindingSeverities.TryParse(f.Severity, out var severity) && severity >= FindingSeverity.Warn)
            .Select(f => f.Id)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToArray();
    }
}
