using System.CommandLine;
using CorsLab.Cli.Bench;
using CorsLab.Cli.Usage;
using CorsLab.Proxies.Catalog;
using CorsLab.Results;
using CorsLab.Spec;

namespace CorsLab.Cli.Commands;

/// <summary>
/// <c>corslab investigate</c>, the main job: origin and every engine as child processes, the spec against each,
/// then the standard scenarios through each engine and direct to the origin, interleaved; a run folder.
/// <c>--quick</c> runs every scenario for a second (≤ 2 minutes on a 2-core machine). Each engine's process is captured
/// (EventPipe) around every scenario unless <c>--no-capture</c>.
/// </summary>
internal static class InvestigateCommand
{
    private static readonly Option<string> Engines = new("--engines") { Description = "comma-separated engines", DefaultValueFactory = _ => string.Join(',', EngineCatalog.Names) };
    private static readonly Option<string> Out = new("--out") { Description = "folder for run folders", DefaultValueFactory = _ => Path.Combine("results", "runs") };
    private static readonly Option<string> Name = new("--name") { Description = "run name, appended to the stamp", DefaultValueFactory = _ => "investigate" };
    private static readonly Option<string?> Scenarios = new("--scenarios") { Description = "comma-separated scenarios (default: all)" };
    private static readonly Option<int> Repeat = new("--repeat") { Description = "repeats; targets are interleaved within each", DefaultValueFactory = _ => 1 };
    private static readonly Option<bool> Quick = new("--quick") { Description = "one second per scenario: a first look in under two minutes" };
    private static readonly Option<bool> NoCapture = new("--no-capture") { Description = "no EventPipe capture of the engines' processes (the white-box rules say 'not checked')" };
    // Off by default: SampleProfiler suspends the runtime every millisecond to walk stacks, which raised named-get's p99
    // on pipelines from 13–22 ms to 52–106 ms on a 2-core machine; the event counts alone left p50 and p99 within noise.
    private static readonly Option<bool> CaptureCpu = new("--capture-cpu") { Description = "also sample CPU stacks in the captures (hot methods, speedscope flame graphs); raises tail latency while on" };

    private static readonly Option<string?> OtlpEndpoint = TraceOptions.Endpoint("engines export traces to this OTLP collector (e.g. Jaeger, Tempo, the Aspire dashboard) instead of the lab's receiver; no stage breakdown then");
    private static readonly Option<string?> Sampling = TraceOptions.Sampling($"ratio of requests the engines trace, 0 to 1 (default {BenchPlan.DefaultTraceSampling})");

    public static Command Create()
    {
        var command = new Command("investigate", "The main job: spec and measurements for every engine, written to a run folder.");
        foreach (var option in new Option[] { Engines, Out, Name, Scenarios, Repeat, Quick, OtlpEndpoint, Sampling, NoCapture, CaptureCpu })
        {
            command.Options.Add(option);
        }

        LoadCommandAction.Set(command, RunAsync);
        return command;
    }

    private static Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var engines = parse.GetRequiredValue(Engines).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(name => EngineOption.Parse(name).Name)
            .ToArray();
        var repeat = parse.GetValue(Repeat);
        if (repeat is < 1 or > 1000)
        {
            throw new UsageException($"--repeat: {repeat} is not between 1 and 1000");
        }

        var plan = new BenchPlan
        {
            Name = parse.GetRequiredValue(Name),
            OutRoot = parse.GetRequiredValue(Out),
            Command = "corslab " + string.Join(' ', parse.Tokens.Select(token => token.Value)),
            Engines = engines,
            Scenarios = BenchCommand.ParseScenarios(parse.GetValue(Scenarios), fallback: null),
            Repeat = repeat,
            Quick = parse.GetValue(Quick),
            OtlpEndpoint = TraceOptions.ParseEndpoint(OtlpEndpoint, parse.GetValue(OtlpEndpoint)),
            TraceSampling = TraceOptions.ParseSampling(Sampling, parse.GetValue(Sampling)) ?? BenchPlan.DefaultTraceSampling,
            Capture = !parse.GetValue(NoCapture),
            CaptureCpu = parse.GetValue(CaptureCpu),
        };
        var console = new BenchConsole();
        return BenchSession.RunAsync(plan, console, (session, components, ct) => RunSpecAsync(session, components, console, ct), cancellationToken);
    }

    /// <summary>The spec against each engine before any load: a load figure of an engine that fails the contract means little.</summary>
    private static async Task RunSpecAsync(BenchSession session, BenchComponents components, BenchConsole console, CancellationToken cancellationToken)
    {
        var origin = components.OriginProcess ?? throw new InvalidOperationException("investigate starts its own origin");
        var specs = new List<SpecTally>();
        foreach (var engine in components.Engines)
        {
            console.Line($"spec: {engine.Engine}");
            var environment = new SpecEnvironment(engine.TargetTemplate, origin.HttpUrl, SpecEnvironment.FindRefusedUrl())
            {
                OriginHttps = origin.HttpsUrl,
                DeniedTargetUrl = SpecEnvironment.DeniedLoopbackUrl(origin.HttpUrl),
            };
            var report = await SpecRunner.RunAsync(SpecCatalog.All, environment, new SpecConsole(engine.Engine, verbose: false), cancellationToken);
            console.Line($"  {SpecConsole.Total(report)}");
            specs.Add(new SpecTally(engine.Engine, report.Passed, report.Failed, report.Skipped, report.Cases.Where(c => c.Outcome == SpecOutcome.Failed).Select(c => c.Id).ToArray()));
            await session.UpdateAsync(run => run with { Spec = specs.ToArray() });
        }

        session.AfterRun = run => RunSummary.Print(run);
    }
}
