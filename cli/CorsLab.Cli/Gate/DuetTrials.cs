using System.Globalization;
using CorsLab.Cli.Bench;
using CorsLab.Load.Duet;
using CorsLab.Load.Scenarios;
using CorsLab.Results;
using CorsLab.Results.Baselines;

namespace CorsLab.Cli.Gate;

/// <summary>
/// The gate's speed measurement: <see cref="GatePlan.Trials"/> duets of every target (direct first) on small-get's
/// request, with the CPU of every target that has a process: the origin's for direct, the engines', and the gateways
/// whose pid was given.
/// </summary>
internal static class DuetTrials
{
    public static async Task<IReadOnlyList<IReadOnlyList<TrialFigures>>> RunAsync(GatePlan plan, BenchComponents components, BenchConsole console, CancellationToken cancellationToken)
    {
        var origin = components.Origin ?? throw new InvalidOperationException("the gate starts its own origin");
        if (components.Cpus is { } cpus)
        {
            // A gateway given by its pid is placed as the engines are, so the candidate and the reference share a core alike.
            foreach (var (name, pid) in plan.TemplateProcessIds)
            {
                await cpus.PinComponentAsync(pid);
                console.Line($"{name} (pid {pid}) pinned to CPU {cpus.ComponentCpus}, beside the origin");
            }
        }

        var smallGet = ScenarioCatalog.All.First(s => s.Name == ScenarioNames.SmallGet);
        var targets = components.Targets
            .Select(t => new DuetTarget(t.Info.Name, ScenarioRequests.For(smallGet, t.Info, origin)[0], t.ProcessId ?? (plan.TemplateProcessIds.TryGetValue(t.Info.Name, out var pid) ? pid : null)))
            .ToArray();
        var trials = new List<IReadOnlyList<TrialFigures>>();
        for (var trial = 0; trial < plan.Trials; trial++)
        {
            var warmup = trial == 0 ? plan.Warmup : plan.TrialDuration / 10;
            var samples = await DuetRunner.RunAsync(targets, warmup, plan.TrialDuration, cancellationToken);
            var figures = samples.Select(s => new TrialFigures(s.Target, s.Requests, s.Errors, s.P50, s.P99, s.Mean, s.ClientTurnaroundP50, s.CpuSeconds)).ToArray();
            trials.Add(figures);
            var all = figures.Sum(f => f.Requests);
            console.Line($"[trial {trial + 1}/{plan.Trials}] " + string.Join(" · ", figures.Select(f => string.Create(
                CultureInfo.InvariantCulture,
                $"{f.Target}: {f.Requests} requests, p50 {f.P50:0} µs, p99 {f.P99:0} µs{Cpu(f, all)}{(f.Errors > 0 ? $", {f.Errors} errors" : "")}"))));
        }

        return trials;
    }

    /// <summary>Direct's process is the origin, which answered every target's requests: its CPU is spread over all of them.</summary>
    private static string Cpu(TrialFigures figures, long all)
    {
        var (requests, whose) = figures.Target == BenchSession.DirectName ? (all, "origin CPU") : (figures.Requests, "CPU");
        return figures.CpuSeconds is { } cpu && requests > 0 ? string.Create(CultureInfo.InvariantCulture, $", {whose} {cpu * 1e6 / requests:0} µs/request") : "";
    }
}
