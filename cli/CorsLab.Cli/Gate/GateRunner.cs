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
///  3 the bench pass (one quick repeat: findings, connections per request), run folder
///  4 sides from the trials and run.json ─ 5 judge (or --update-baseline: write it) ─ 6 gate.json, gate.md, table, exit code
/// </code>
/// </summary>
internal static class GateRunner
{
    public static async Task<int> RunAsync(GatePlan plan, BenchConsole console, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();

        // Before the baseline's environment is compared: that starts git, and a child's output is read through the socket engine.
        await LoadClientTuning.EnableInlineCompletionsAsync();

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

        // 2, 3. The duet trials run once the components are up, before the bench pass.
        string? folder = null;
        var trials = new List<IReadOnlyList<TrialFigures>>();
        var measured = await BenchSession.RunAsync(plan.Bench, console, async (session, components, token) =>
        {
            folder = session.Directory;
            trials.AddRange(await DuetTrials.RunAsync(plan, components, console, token));
        }, cancellationToken);
        if (measured == ExitCodes.Interrupted || folder is null)
        {
            return measured;
        }

        if (!LoadClientTuning.InlineCompletions)
        {
            warnings.Add(LoadClientTuning.NotInlineWarning);
        }

        // 4. The sides.
        var run = await RunReader.ReadAsync(folder, CancellationToken.None);
        var direct = run.Targets.First(t => t.Kind == TargetKinds.Direct).Name;
        var now = Side(run, plan.Candidate, direct, trials, allocations);

        // 5. Judge, or write the baseline.
        if (plan.UpdateBaseline)
        {
            return WriteBaseline(plan, run, now, console);
        }

        var paired = baseline is null;
        var reference = baseline is not null
            ? new GateSide($"baseline {plan.BaselinePath}", baseline.Trials, baseline.ConnectionsPerRequest, baseline.Findings, baseline.Allocations)
            : Side(run, plan.AgainstName!, direct, trials, new Dictionary<string, double>());
        var verdict = GateJudge.Judge(reference, now, paired, plan.Tolerance);

        // 6. Report.
        var document = GateDocument.From(
            verdict,
            paired ? "against" : "baseline",
            plan.Candidate + (plan.Bench.EngineFaults.Count > 0 ? $" ({string.Join(' ', plan.Bench.EngineFaults)})" : ""),
            paired ? plan.AgainstName! : plan.BaselinePath!,
            plan.Tolerance,
            warnings,
            folder,
            clock.Elapsed.TotalSeconds,
            trials);
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

    private static GateSide Side(RunDocument run, string target, string direct, IReadOnlyList<IReadOnlyList<TrialFigures>> trials, IReadOnlyDictionary<string, double> allocations)
    {
        var judged = trials
            .Select((figures, repeat) => (Target: figures.FirstOrDefault(f => f.Target == target), Direct: figures.FirstOrDefault(f => f.Target == direct), Repeat: repeat, All: figures.Sum(f => f.Requests)))
            .Where(trial => trial.Target is not null && trial.Direct is not null)
            .Select(trial => GateSampler.Trial(trial.Repeat, trial.Target!, trial.Direct!, trial.All))
            .OfType<GateTrial>()
            .ToArray();
        return new GateSide(target, judged, GateSampler.ConnectionsPerRequest(run, target), GateSampler.WarnFindings(run, target), allocations);
    }

    private static int WriteBaseline(GatePlan plan, RunDocument run, GateSide now, BenchConsole console)
    {
        var usable = now.Trials.Count(t => !t.Late);
        if (usable < GateJudge.MinTrials)
        {
            console.Line($"gate: COULD NOT MEASURE: {usable} usable trials, fewer than {GateJudge.MinTrials} (the load client was late); baseline not written");
            return ExitCodes.CouldNotMeasure;
        }

        GateBaselineFile.Write(plan.BaselinePath!, new GateBaseline
        {
            CreatedUtc = DateTimeOffset.UtcNow,
            Environment = run.Environment,
            Target = plan.Candidate,
            Faults = plan.Bench.EngineFaults,
            Trials = now.Trials,
            ConnectionsPerRequest = now.ConnectionsPerRequest,
            Findings = now.Findings,
            Allocations = now.Allocations,
        });
        console.Line($"gate: wrote baseline {plan.BaselinePath} ({now.Trials.Count} trials, {usable} usable; {run.Environment.CpuModel}, {run.Environment.Cores} cores, {run.Environment.Runtime}, revision {run.Environment.GitRevision ?? "unknown"})");
        return ExitCodes.Success;
    }
}
