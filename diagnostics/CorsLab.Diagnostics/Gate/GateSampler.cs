using CorsLab.Diagnostics.Findings;
using CorsLab.Diagnostics.Verdict;
using CorsLab.Results;
using CorsLab.Results.Baselines;

namespace CorsLab.Diagnostics.Gate;

/// <summary>Reads a gate run's <c>run.json</c> into <see cref="GateSide"/>s: per repeat, the target's figures over direct's of that repeat.</summary>
public static class GateSampler
{
    /// <summary>The scenarios a gate run measures: small-get (open model: p50, p99) and reuse (one at a time: requests/s, connections).</summary>
    public static IReadOnlyList<string> Scenarios { get; } = [ScenarioNames.SmallGet, ScenarioNames.Reuse];

    public static GateSide Side(RunDocument run, string target, IReadOnlyDictionary<string, double> allocations)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new GateSide(target, Trials(run, target), WarnFindings(run, target), allocations);
    }

    /// <summary>Repeats in which the target and direct both completed both scenarios; an interrupted repeat is left out.</summary>
    public static IReadOnlyList<GateTrial> Trials(RunDocument run, string target)
    {
        ArgumentNullException.ThrowIfNull(run);
        var measured = run.Measurements
            .Where(m => m.Driver == DriverNames.Corslab && m.Complete && m.Requests > 0)
            .ToLookup(m => (m.Target, m.Scenario, m.Repeat));
        var direct = run.Targets.FirstOrDefault(t => t.Kind == TargetKinds.Direct)?.Name ?? TargetKinds.Direct;
        var trials = new List<GateTrial>();
        foreach (var repeat in run.Measurements.Select(m => m.Repeat).Distinct().Order())
        {
            var small = measured[(target, ScenarioNames.SmallGet, repeat)].FirstOrDefault();
            var smallDirect = measured[(direct, ScenarioNames.SmallGet, repeat)].FirstOrDefault();
            var reuse = measured[(target, ScenarioNames.Reuse, repeat)].FirstOrDefault();
            var reuseDirect = measured[(direct, ScenarioNames.Reuse, repeat)].FirstOrDefault();
            if (small is null || smallDirect is null || reuse is null || reuseDirect is null || reuseDirect.RequestsPerSecond <= 0)
            {
                continue;
            }

            trials.Add(new GateTrial(
                repeat,
                small.Latency.P50 - smallDirect.Latency.P50,
                small.Latency.P99 - smallDirect.Latency.P99,
                reuse.RequestsPerSecond / reuseDirect.RequestsPerSecond,
                reuse.ThreePoint is { Joined: > 0 } join ? join.OriginConnections / (double)join.Joined : null,
                IsLate(small) || IsLate(smallDirect)));
        }

        return trials;
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

    private static bool IsLate(ScenarioMeasurement measurement) =>
        measurement.SendLateness is { } lateness && RunAnalyzer.LatenessTail(lateness) > RunAnalyzer.MaxSendLatenessP99Micros;
}
