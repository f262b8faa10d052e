using System.Diagnostics;
using CorsLab.Cli.Bench;
using CorsLab.Cli.Processes;
using CorsLab.Cli.Usage;
using CorsLab.Diagnostics.Gate;
using CorsLab.Diagnostics.Output;
using CorsLab.Load.Engine;
using CorsLab.Reports.Gate;
using CorsLab.Results;
using CorsLab.Results.Baselines;

namespace CorsLab.Cli.Gate;

/// <summary>
/// Runs a <see cref="GatePlan"/>:
/// <code>
///  1 read the baseline, compare environments (--strict-env: exit 2 before measuring)
///  2 start direct, the candidate and (--against) the reference (BenchSession); duet trials: every target batch by batch
///  3 the bench pass (one quick repeat: findings, connections per request), run folder; 2–3 again per baseline run (--runs)
///  4 sides from the trials and run.json ─ 5 judge (or --update-baseline: write it) ─ 6 gate.json, gate.md, table, exit code
/// </code>
/// </summary>
internal static class GateRunner
{
    public static async Task<int> RunAsync(GatePlan plan, BenchConsole console, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();

        // 1. The baseline and its environment, before anything is started.
        var warnings = new List<string>();
        GateBaseline? baseline = null;
        if (plan.BaselinePath is { } path && !plan.UpdateBaseline)
        {
            try
            {
                baseline = GateBaselineFile.Read(path);
            }
            catch (RunInputException error)
            {
                throw new UsageException(error.Message);
            }

            var differences = EnvironmentComparison.Differences(baseline.Environment, RunEnvironment.Capture(GitRevision.Read(), BuildInfo.Configuration));
            if (differences.Count > 0)
            {
                var message = $"baseline {path} was measured elsewhere ({string.Join("; ", differences)}): its ratios may not hold here";
                if (plan.StrictEnvironment)
                {
                    throw new UsageException($"{message} (--strict-env)");
                }

                warnings.Add(message);
                await Console.Error.WriteLineAsync($"corslab: warning: {message}");
            }
        }

        IReadOnlyDictionary<string, double> allocations = new Dictionary<string, double>();
        if (plan.AllocationsPath is { } allocationsPath)
        {
            try
            {
                allocations = BenchmarkAllocations.Read(allocationsPath);
            }
            catch (RunInputException error)
            {
                throw new UsageException(error.Message);
            }
        }

        // 2, 3. Per run (several only for a baseline): fresh processes, the duet trials once they are up, then the bench pass.
        var runs = new List<MeasuredRun>();
        for (var number = 0; number < plan.Runs; number++)
        {
            if (plan.Runs > 1)
            {
                console.Line($"[run {number + 1}/{plan.Runs}] fresh origin and candidate processes");
            }

            string? runFolder = null;
            var trials = new List<IReadOnlyList<TrialFigures>>();
            var measured = await BenchSession.RunAsync(plan.Bench, console, async (session, components, token) =>
            {
                runFolder = session.Directory;
                trials.AddRange(await DuetTrials.RunAsync(plan, components, console, token));
            }, cancellationToken);
            if (measured == ExitCodes.Interrupted || runFolder is null)
            {
                return measured;
            }

            runs.Add(new MeasuredRun(runFolder, trials, await RunReader.ReadAsync(runFolder, CancellationToken.None)));
        }

        if (!LoadClientTuning.InlineCompletions)
        {
            warnings.Add(LoadClientTuning.NotInlineWarning);
        }

        // 4. The sides.
        var now = Side(runs, plan.Candidate, allocations);

        // 5. Judge, or write the baseline.
        if (plan.UpdateBaseline)
        {
            return WriteBaseline(plan, runs[^1].Run.Environment, now, console);
        }

        var paired = baseline is null;
        var reference = baseline is not null
            ? new GateSide($"baseline {plan.BaselinePath}", baseline.Trials, baseline.ConnectionsPerRequest, baseline.Findings, baseline.Allocations)
            : Side(runs, plan.AgainstName!, new Dictionary<string, double>());
        var verdict = GateJudge.Judge(reference, now, paired, plan.Tolerance);

        // 6. Report, in the (only) run's folder.
        var folder = runs[0].Folder;
        var document = GateDocument.From(
            verdict,
            paired ? "against" : "baseline",
            plan.Candidate + (plan.Bench.EngineFaults.Count > 0 ? $" ({string.Join(' ', plan.Bench.EngineFaults)})" : ""),
            paired ? plan.AgainstName! : plan.BaselinePath!,
            plan.Tolerance,
            warnings,
            folder,
            clock.Elapsed.TotalSeconds,
            runs[0].Trials);
        await File.WriteAllTextAsync(Path.Combine(folder, GateDocument.FileName), document.ToJson(), CancellationToken.None);
        await File.WriteAllTextAsync(Path.Combine(folder, GateMarkdown.FileName), GateMarkdown.Render(document), CancellationToken.None);
        GateTable.Print(document, console);
        console.Line($"wrote {Path.Combine(folder, GateDocument.FileName)} and {Path.Combine(folder, GateMarkdown.FileName)}");
        return verdict.Outcome switch
        {
            GateOutcome.Pass => ExitCodes.Success,
            GateOutcome.Regression => ExitCodes.Failed,
            _ => ExitCodes.CouldNotMeasure,
        };
    }

    /// <summary>
    /// One side over every run: its trials numbered by run, upstream connections per request averaged over the runs
    /// that joined them, and the findings of any run.
    /// </summary>
    private static GateSide Side(IReadOnlyList<MeasuredRun> runs, string target, IReadOnlyDictionary<string, double> allocations)
    {
        var judged = runs.SelectMany((run, number) => Trials(run, target, number)).ToArray();
        var connections = runs.Select(run => GateSampler.ConnectionsPerRequest(run.Run, target)).OfType<double>().ToArray();
        var findings = runs.SelectMany(run => GateSampler.WarnFindings(run.Run, target)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        return new GateSide(target, judged, connections.Length > 0 ? connections.Average() : null, findings, allocations);
    }

    private static IReadOnlyList<GateTrial> Trials(MeasuredRun run, string target, int number)
    {
        var direct = run.Run.Targets.First(t => t.Kind == TargetKinds.Direct).Name;
        return run.Trials
            .Select((figures, repeat) => (Target: figures.FirstOrDefault(f => f.Target == target), Direct: figures.FirstOrDefault(f => f.Target == direct), Repeat: repeat, All: figures.Sum(f => f.Requests)))
            .Where(trial => trial.Target is not null && trial.Direct is not null)
            .Select(trial => GateSampler.Trial(trial.Repeat, trial.Target!, trial.Direct!, trial.All) is { } judged ? judged with { Run = number } : null)
            .OfType<GateTrial>()
            .ToArray();
    }

    private static int WriteBaseline(GatePlan plan, RunEnvironment environment, GateSide now, BenchConsole console)
    {
        var usable = now.Trials.Count(t => !t.Late);
        var fewest = Enumerable.Range(0, plan.Runs).Min(number => now.Trials.Count(t => t.Run == number && !t.Late));
        if (fewest < GateJudge.MinTrials)
        {
            console.Line($"gate: COULD NOT MEASURE: a run with {fewest} usable trials, fewer than {GateJudge.MinTrials} (the machine was too busy); baseline not written");
            return ExitCodes.CouldNotMeasure;
        }

        GateBaselineFile.Write(plan.BaselinePath!, new GateBaseline
        {
            CreatedUtc = DateTimeOffset.UtcNow,
            Environment = environment,
            Target = plan.Candidate,
            Faults = plan.Bench.EngineFaults,
            Trials = now.Trials,
            ConnectionsPerRequest = now.ConnectionsPerRequest,
            Findings = now.Findings,
            Allocations = now.Allocations,
        });
        console.Line($"gate: wrote baseline {plan.BaselinePath} ({plan.Runs} run(s), {now.Trials.Count} trials, {usable} usable; {environment.CpuModel}, {environment.Cores} cores, {environment.Runtime}, revision {environment.GitRevision ?? "unknown"})");
        return ExitCodes.Success;
    }

    /// <summary>One run's folder, what its duet trials measured and its run.json.</summary>
    private sealed record MeasuredRun(string Folder, IReadOnlyList<IReadOnlyList<TrialFigures>> Trials, RunDocument Run);
}
