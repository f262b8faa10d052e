using System.CommandLine;
using System.Globalization;
using CorsLab.Cli.Bench;
using CorsLab.Cli.Gate;
using CorsLab.Cli.Usage;
using CorsLab.Diagnostics.Gate;
using CorsLab.Load.Resources;
using CorsLab.Load.Scenarios;

namespace CorsLab.Cli.Commands;

/// <summary>
/// <c>corslab gate</c>: a CI regression gate. The candidate (an engine or a URL template) is measured with direct,
/// trial by trial, and judged against a committed baseline or a reference measured side by side in the same run.
/// </summary>
internal static class GateCommand
{
    /// <summary>Ten duet trials of 1 s: with one candidate and direct, about 15 s of load; the whole gate about a minute on 2 cores.</summary>
    public const int DefaultTrials = 10;

    /// <summary>A duet phase of 1 s holds about 2,000 requests per target at loopback latencies: a p99 on 20 of them.</summary>
    private static readonly TimeSpan PhaseDuration = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Before the first trial every target is warmed this long (JIT, pools, the origin's connections). A cold engine's
    /// first second measured several times its later p50; after 1 s, the first two trials' CPU per request were still
    /// 1.8–2× the later ones' (tiered compilation at work), after 3 s the first was 1.3×.
    /// </summary>
    private static readonly TimeSpan FirstWarmup = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Runs a baseline records: with five, t(4) = 2.78 and the spread is known well enough that an unchanged run
    /// rarely lands outside it; three would give 4.30, an interval half again as wide. About two minutes on 2 cores.
    /// </summary>
    public const int DefaultBaselineRuns = 5;

    /// <summary>Student's t is tabled for up to this many runs.</summary>
    private static readonly int MaxRuns = StudentT.MaxDegreesOfFreedom + 1;

    private static readonly Option<string?> Baseline = new("--baseline") { Description = "a committed baseline (results/baselines/NAME.json) to judge a fresh run against" };
    private static readonly Option<string?> Against = new("--against") { Description = "a reference proxy as a URL template, measured side by side with the candidate, trial by trial" };
    private static readonly Option<string?> Engines = new("--engines") { Description = "the candidate: one engine the lab starts" };
    private static readonly Option<string?> Target = new("--target") { Description = "the candidate: a running proxy as a URL template, e.g. http://127.0.0.1:8080/?url={url}" };
    private static readonly Option<string?> Pid = new("--pid") { Description = "the --target's process id (any language): its CPU per request is judged too, read from /proc" };
    private static readonly Option<string?> AgainstPid = new("--against-pid") { Description = "the --against reference's process id: its CPU per request is judged beside the candidate's" };
    private static readonly Option<string[]> Faults = new("--fault") { Description = "a fault the candidate engine is started with (repeatable), e.g. cpu-tax=10", AllowMultipleArgumentsPerToken = false };
    private static readonly Option<double> Tolerance = new("--tolerance") { Description = "percent slower a speed ratio's whole 95 % interval must lie beyond to be a regression", DefaultValueFactory = _ => GateJudge.DefaultTolerance * 100 };
    private static readonly Option<int> Trials = new("--trials") { Description = $"duet trials, each every target batch by batch (at least {GateJudge.MinTrials})", DefaultValueFactory = _ => DefaultTrials };
    private static readonly Option<string?> Duration = new("--duration") { Description = "measured time per duet trial (default 1s)" };
    private static readonly Option<string?> Warmup = new("--warmup") { Description = "warm-up of every target before the first trial (default 3s)" };
    private static readonly Option<bool> UpdateBaseline = new("--update-baseline") { Description = "measure and write the --baseline file (with this machine's environment) instead of judging" };
    private static readonly Option<int?> Runs = new("--runs") { Description = $"with --update-baseline: runs to record, each with fresh processes, so a later run is judged by how runs differ (1 to {MaxRuns}, default {DefaultBaselineRuns}; one run records no spread)" };
    private static readonly Option<bool> StrictEnv = new("--strict-env") { Description = "a baseline from another environment (CPU, cores, runtime) is an error, not a warning" };
    private static readonly Option<string?> Allocations = new("--allocations") { Description = "a BenchmarkDotNet JSON export (MemoryDiagnoser): bytes per operation judged as counts" };
    private static readonly Option<string> Out = new("--out") { Description = "folder for run folders", DefaultValueFactory = _ => Path.Combine("results", "runs") };

    public static Command Create()
    {
        var command = new Command("gate", "CI regression gate: judge a candidate against a baseline or a reference measured side by side; exit 0 pass, 1 regression, 2 bad input, 3 could not measure.");
        foreach (var option in new Option[] { Baseline, Against, Engines, Target, Pid, AgainstPid, Faults, Tolerance, Trials, Duration, Warmup, UpdateBaseline, Runs, StrictEnv, Allocations, Out })
        {
            command.Options.Add(option);
        }

        LoadCommandAction.Set(command, (parse, cancellationToken) => GateRunner.RunAsync(ParsePlan(parse), new BenchConsole(), cancellationToken));
        return command;
    }

    internal static GatePlan ParsePlan(ParseResult parse)
    {
        var baseline = parse.GetValue(Baseline);
        var against = parse.GetValue(Against);
        if ((baseline is null) == (against is null))
        {
            throw new UsageException("gate needs exactly one of --baseline PATH or --against TEMPLATE");
        }

        var update = parse.GetValue(UpdateBaseline);
        if (update && baseline is null)
        {
            throw new UsageException("--update-baseline writes the --baseline file; give --baseline PATH");
        }

        var runs = parse.GetValue(Runs);
        if (runs is not null && !update)
        {
            throw new UsageException("--runs applies to --update-baseline (the runs a baseline records); a judgement is one run");
        }

        if (runs < 1 || runs > MaxRuns)
        {
            throw new UsageException($"--runs: {runs} is not between 1 and {MaxRuns}");
        }

        var engineList = (parse.GetValue(Engines) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var target = parse.GetValue(Target);
        if (engineList.Length + (target is null ? 0 : 1) != 1)
        {
            throw new UsageException("gate judges one candidate: --engines NAME (one engine) or --target TEMPLATE");
        }

        var faults = parse.GetValue(Faults) ?? [];
        string candidate;
        if (engineList.Length == 1)
        {
            var engine = EngineOption.Parse(engineList[0]);
            EngineOption.ParseFaults(engine, faults);
            candidate = engine.Name;
        }
        else
        {
            if (faults.Length > 0)
            {
                throw new UsageException("--fault applies to an engine the lab starts (--engines), not to --target");
            }

            candidate = TemplateName(Target.Name, target!);
        }

        var againstName = against is null ? null : TemplateName(Against.Name, against);
        var processIds = new Dictionary<string, int>();
        AddProcessId(processIds, Pid, parse.GetValue(Pid), target is null ? null : candidate, Target.Name);
        AddProcessId(processIds, AgainstPid, parse.GetValue(AgainstPid), againstName, Against.Name);
        if (againstName == candidate)
        {
            throw new UsageException($"--against names the candidate itself ({candidate}); the reference must be another proxy");
        }

        var tolerance = parse.GetValue(Tolerance);
        if (tolerance is <= 0 or >= 100)
        {
            throw new UsageException($"--tolerance: {tolerance} is not a percent between 0 and 100");
        }

        var trials = parse.GetValue(Trials);
        if (trials is < GateJudge.MinTrials or > 100)
        {
            throw new UsageException($"--trials: {trials} is not between {GateJudge.MinTrials} and 100");
        }

        var duration = parse.GetValue(Duration) is { } text ? DurationOption.Parse(Duration.Name, text) : PhaseDuration;
        var warmup = parse.GetValue(Warmup) is { } warmupText ? DurationOption.Parse(Warmup.Name, warmupText) : FirstWarmup;
        var allocations = parse.GetValue(Allocations);
        if (allocations is not null && !File.Exists(allocations))
        {
            throw new UsageException($"--allocations: no such file '{allocations}'");
        }

        var templates = new List<string>();
        if (target is not null)
        {
            templates.Add(target);
        }

        if (against is not null)
        {
            templates.Add(against);
        }

        return new GatePlan
        {
            Bench = new BenchPlan
            {
                Name = "gate",
                OutRoot = parse.GetRequiredValue(Out),
                Command = "corslab " + string.Join(' ', parse.Tokens.Select(token => token.Value)),
                Engines = engineList.Length == 1 ? [candidate] : [],
                EngineFaults = faults,
                Templates = templates,
                Scenarios = GateSampler.Scenarios.Select(name => ScenarioCatalog.All.First(s => s.Name == name)).ToArray(),
                Quick = true,

                // The gate judges speed: span work would be one more thing that differs between runs.
                TraceSampling = 0,

                // Left to the scheduler, two processes of one engine differed by 15–20 % at p50 within one trial;
                // with the load client and the components on separate CPUs they agreed within 1 %.
                SplitCpus = true,
            },
            Trials = trials,
            TrialDuration = duration,
            Warmup = warmup,
            Candidate = candidate,
            BaselinePath = baseline,
            AgainstTemplate = against,
            AgainstName = againstName,
            UpdateBaseline = update,
            Runs = update ? runs ?? DefaultBaselineRuns : 1,
            StrictEnvironment = parse.GetValue(StrictEnv),
            Tolerance = tolerance / 100,
            AllocationsPath = allocations,
            TemplateProcessIds = processIds,
        };
    }

    /// <summary>A gateway's pid, given with the template it belongs to, whose threads this machine can read.</summary>
    private static void AddProcessId(Dictionary<string, int> processIds, Option option, string? text, string? targetName, string templateOption)
    {
        if (text is null)
        {
            return;
        }

        if (targetName is null)
        {
            throw new UsageException($"{option.Name} names the process of {templateOption}; give {templateOption} TEMPLATE too");
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || pid == 0)
        {
            throw new UsageException($"{option.Name}: '{text}' is not a process id (a positive whole number)");
        }

        if (ProcessCpuSnapshot.Take(pid) is null)
        {
            throw new UsageException($"{option.Name}: no process {pid} whose threads can be read in /proc/{pid}/task");
        }

        processIds[targetName] = pid;
    }

    /// <summary>An external proxy's name in run.json: its authority, as <c>bench</c> names it.</summary>
    private static string TemplateName(string option, string template)
    {
        if (!template.Contains("{url}", StringComparison.Ordinal)
            || !Uri.TryCreate(template.Replace("{url}", "x", StringComparison.Ordinal), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new UsageException($"{option}: '{template}' is not an http(s) URL template with a {{url}} placeholder");
        }

        return uri.GetLeftPart(UriPartial.Authority);
    }
}
