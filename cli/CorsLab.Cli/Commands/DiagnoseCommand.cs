using System.CommandLine;
using System.Globalization;
using CorsLab.Cli.Diagnose;
using CorsLab.Cli.Usage;
using CorsLab.Components;
using CorsLab.Diagnostics.Output;
using CorsLab.Load.Capture;
using CorsLab.Load.Scenarios;
using CorsLab.Proxies.Catalog;
using CorsLab.Results;
using CorsLab.Spec;

namespace CorsLab.Cli.Commands;

/// <summary>
/// <c>corslab diagnose</c>: one engine (with its faults) or one external target, the diagnosis scenarios
/// through it and direct to the origin, the findings as a table and optionally as JSON. Exit 0 whether or not
/// there are findings. <c>--self-check</c> runs the fault matrix instead (<see cref="DiagnoseSelfCheck"/>). The target's
/// process is captured (EventPipe) when the lab knows it: an engine it starts, or <c>--pid</c>; the traces go to
/// <c>results/runs/STAMP-diagnose/</c>.
/// </summary>
internal static class DiagnoseCommand
{
    private static readonly Option<string?> Engine = new("--engine") { Description = $"engine to start: {string.Join(", ", EngineCatalog.Names)}" };
    private static readonly Option<string[]> Faults = new("--fault") { Description = "fault the engine reproduces (repeatable)", Arity = ArgumentArity.ZeroOrMore };
    private static readonly Option<string?> Target = new("--target") { Description = $"an already running proxy, as a URL template: {TargetTemplate.Examples}" };
    private static readonly Option<int?> OriginPort = new("--origin-port") { Description = "the port of the lab's origin on 127.0.0.1 (default: a free one), for a gateway configured with a fixed upstream" };
    private static readonly Option<string[]> Scenarios = new("--scenario") { Description = $"scenario (repeatable); default {string.Join(", ", DiagnosisScenarios.Default)}", Arity = ArgumentArity.ZeroOrMore };
    private static readonly Option<bool> Quick = new("--quick") { Description = $"a first look in under 20 s: {string.Join(", ", DiagnosisScenarios.Quick)} (rules without evidence say 'not checked')" };
    private static readonly Option<bool> Deep = new("--deep") { Description = "the default scenarios and the slow probes (silent-upstream: a minute more per target)" };
    private static readonly Option<string?> UpstreamUrl = new("--upstream-url") { Description = "your own upstream on 127.0.0.1, requested through the target and direct instead of the lab origin (small-get and reuse; rules needing the origin's timings say 'not checked')" };
    private static readonly Option<string?> Json = new("--json") { Description = $"write the findings ({FindingsDocument.SchemaV1}) to this file" };
    private static readonly Option<bool> SelfCheck = new("--self-check") { Description = "run the fault matrix (every engine × black-box fault, and clean) and print the confusion matrix" };
    private static readonly Option<string?> Pid = new("--pid") { Description = "the --target's process id: a running .NET process to capture (EventPipe) while it is measured" };
    private static readonly Option<bool> NoCapture = new("--no-capture") { Description = "measure only: no EventPipe capture of the engine's (or --pid's) process; the white-box rules say 'not checked'" };
    // Off by default: SampleProfiler suspends the runtime every millisecond to walk stacks, which raised named-get's p99
    // on pipelines from 13–22 ms to 52–106 ms on a 2-core machine; the event counts alone left p50 and p99 within noise.
    private static readonly Option<bool> CaptureCpu = new("--capture-cpu") { Description = "also sample CPU stacks in the captures (hot methods, speedscope flame graphs); raises tail latency while on" };
    private static readonly Option<int> Repeat = new("--repeat") { Description = "self-check: how many times to run the matrix", DefaultValueFactory = _ => 1 };

    public static Command Create()
    {
        var command = new Command("diagnose", "Why is it slow? Measure one engine or target against direct and name the causes.");
        foreach (var option in new Option[] { Engine, Faults, Target, Pid, OriginPort, UpstreamUrl, Scenarios, Quick, Deep, Json, NoCapture, CaptureCpu, SelfCheck, Repeat })
        {
            command.Options.Add(option);
        }

        LoadCommandAction.Set(command, RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var engineName = parse.GetValue(Engine);
        var faultNames = parse.GetValue(Faults) ?? [];
        var template = parse.GetValue(Target);
        var upstream = ParseUpstream(parse.GetValue(UpstreamUrl), parse);
        var pidText = parse.GetValue(Pid);
        if (pidText is not null && template is null)
        {
            throw new UsageException("--pid names the process of a --target; an --engine's process is the lab's own child and is captured anyway");
        }

        int? pid = pidText is null ? null : CaptureChoice.ParsePid(pidText);
        var capturing = !parse.GetValue(NoCapture) && (engineName is not null || pid is not null || parse.GetValue(SelfCheck));
        var named = parse.GetValue(Scenarios) ?? [];
        var scenarios = upstream is null
            ? DiagnosisScenarios.Resolve(DiagnosisScenarios.WithCapture(ChooseScenarios(named, parse.GetValue(Quick), parse.GetValue(Deep)), capturing && named.Length == 0))
            : DiagnosisScenarios.ForUpstream(upstream);
        var folder = Path.Combine("results", "runs", DateTimeOffset.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + "-diagnose");
        var capture = CaptureChoice.Create(capturing, folder, parse.GetValue(CaptureCpu));
        var json = parse.GetValue(Json);
        if (parse.GetValue(SelfCheck))
        {
            if (engineName is not null || template is not null || faultNames.Length > 0)
            {
                throw new UsageException("--self-check chooses its own engines and faults; drop --engine, --fault and --target");
            }

            var repeat = parse.GetValue(Repeat);
            if (repeat is < 1 or > 100)
            {
                throw new UsageException($"--repeat: {repeat} is not between 1 and 100");
            }

            if (parse.GetValue(Quick) || (parse.GetValue(Scenarios) ?? []).Length > 0)
            {
                throw new UsageException("--self-check measures the scenarios each rule needs; only --deep (adding the slow probe and fault no-timeout) applies");
            }

            return await DiagnoseSelfCheck.RunAsync(repeat, parse.GetValue(Deep), json, capture, cancellationToken);
        }

        if ((engineName is null) == (template is null))
        {
            throw new UsageException("give either --engine NAME (with any --fault) or --target TEMPLATE");
        }

        if (template is not null && faultNames.Length > 0)
        {
            throw new UsageException("--fault applies to --engine; an external --target runs as it is");
        }

        if (template is not null)
        {
            CheckTemplate(template);
        }

        string? engine = null;
        if (engineName is not null)
        {
            var known = EngineOption.Parse(engineName);
            EngineOption.ParseFaults(known, faultNames);
            engine = known.Name;
        }

        var originPort = parse.GetValue(OriginPort);
        if (originPort is < 1 or > 65535)
        {
            throw new UsageException($"--origin-port: {originPort} is not a port from 1 to 65535");
        }

        await using var origin = await LabComponents.StartOriginAsync(cancellationToken, originPort: originPort);
        EngineProcess? process = null;
        try
        {
            TargetInfo target;
            if (engine is not null)
            {
                Console.Out.WriteLine($"starting engine {engine}{(faultNames.Length > 0 ? " --fault " + string.Join(" --fault ", faultNames) : "")}");
                process = await LabComponents.StartEngineAsync(engine, origin, faultNames, cancellationToken);
                target = new TargetInfo(engine, TargetKinds.Engine, process.TargetTemplate, faultNames);
            }
            else
            {
                target = new TargetInfo("target", TargetKinds.External, template!, []);
            }

            var diagnosis = await RunOneAsync(origin, target, scenarios, process?.Process.ProcessId ?? pid, direct: null, capture, cancellationToken);
            DiagnoseTable.Print(diagnosis);
            WaterfallConsole.Print(diagnosis);
            CaptureConsole.Print(diagnosis.Measurements, folder, Console.Out.WriteLine);
            if (json is not null)
            {
                await FindingsDocument.From(target.Template, [.. scenarios.Select(scenario => scenario.Name)], diagnosis.Findings).WriteAsync(json, cancellationToken);
                Console.Out.WriteLine($"wrote {json}");
            }

            return ExitCodes.Success;
        }
        finally
        {
            if (process is not null)
            {
                await process.DisposeAsync();
            }
        }
    }

    /// <summary>Measures <paramref name="target"/> (and direct, unless given) under <paramref name="scenarios"/> and evaluates the rules.</summary>
    /// <param name="capture">Records <paramref name="processId"/> around each scenario; null for none.</param>
    public static async Task<Diagnosis> RunOneAsync(
        OriginProcess origin, TargetInfo target, IReadOnlyList<Scenario> scenarios, int? processId, IReadOnlyList<ScenarioMeasurement>? direct, IScenarioCapture? capture, CancellationToken cancellationToken)
    {
        using var control = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var executor = new ScenarioExecutor(new OriginUrls(origin.HttpUrl, origin.HttpsUrl, SpecEnvironment.FindRefusedUrl()), control) { Capture = capture };
        var runner = new DiagnosisRunner(executor);
        return await runner.RunAsync(target, scenarios, processId, direct, line => Console.Out.WriteLine($"  {line}"), cancellationToken);
    }

    /// <summary>Direct's measurements alone, shared by several diagnoses (the self-check).</summary>
    public static async Task<IReadOnlyList<ScenarioMeasurement>> MeasureDirectAsync(OriginProcess origin, IReadOnlyList<string> scenarios, CancellationToken cancellationToken)
    {
        using var control = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var executor = new ScenarioExecutor(new OriginUrls(origin.HttpUrl, origin.HttpsUrl, SpecEnvironment.FindRefusedUrl()), control);
        return await new DiagnosisRunner(executor).MeasureDirectAsync(scenarios, cancellationToken);
    }

    /// <summary>The <c>--upstream-url</c>, when given: an absolute http(s) URL on the loopback interface, alone with the target options.</summary>
    private static Uri? ParseUpstream(string? text, ParseResult parse)
    {
        if (text is null)
        {
            return null;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            throw new UsageException($"--upstream-url: '{text}' is not an absolute http(s) URL, e.g. http://127.0.0.1:8080/api/items");
        }

        if (!url.IsLoopback)
        {
            throw new UsageException($"--upstream-url: '{url.Host}' is not on this machine; the lab loads 127.0.0.1 only (start your upstream there)");
        }

        if (parse.GetValue(Quick) || parse.GetValue(Deep) || (parse.GetValue(Scenarios) ?? []).Length > 0 || parse.GetValue(SelfCheck))
        {
            throw new UsageException("--upstream-url measures small-get and reuse against your upstream; drop --quick, --deep, --scenario and --self-check");
        }

        return url;
    }

    private static IReadOnlyList<string> ChooseScenarios(string[] names, bool quick, bool deep)
    {
        if (quick && deep)
        {
            throw new UsageException("--quick and --deep contradict each other; give one, or neither for the default set");
        }

        if (names.Length > 0 && (quick || deep))
        {
            throw new UsageException($"--scenario names the set itself; drop --{(quick ? "quick" : "deep")}");
        }

        if (names.Length == 0)
        {
            return quick ? DiagnosisScenarios.Quick : deep ? DiagnosisScenarios.Deep : DiagnosisScenarios.Default;
        }

        var result = new List<string>();
        foreach (var name in names)
        {
            if (!DiagnosisScenarios.TryGet(name, out var scenario, out _))
            {
                throw new UsageException($"unknown scenario '{name}'; valid scenarios: {string.Join(", ", DiagnosisScenarios.Names)}");
            }

            if (!result.Contains(scenario.Name))
            {
                result.Add(scenario.Name);
            }
        }

        return result;
    }

    private static void CheckTemplate(string template)
    {
        if (!TargetTemplate.IsValid(template))
        {
            throw new UsageException($"--target: '{template}' is not an http(s) URL template with one of {TargetTemplate.Url} or {TargetTemplate.Path}, e.g. {TargetTemplate.Examples}");
        }
    }
}
