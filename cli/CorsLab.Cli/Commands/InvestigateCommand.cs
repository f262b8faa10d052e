using System.CommandLine;
using System.Globalization;
using CorsLab.Cli.Engines;
using CorsLab.Cli.Processes;
using CorsLab.Cli.Usage;
using CorsLab.Load.Probes;
using CorsLab.Load.Results;
using CorsLab.Spec;

namespace CorsLab.Cli.Commands;

/// <summary>
/// <c>corslab investigate</c>, the main job: origin and every engine as child processes, the spec against
/// each, then small-GET latency through each engine and direct to the origin, interleaved; a run folder.
/// </summary>
internal static class InvestigateCommand
{
    private const string SmallGetPath = "/bytes/1024";

    private static readonly Option<string> Engines = new("--engines") { Description = "comma-separated engines", DefaultValueFactory = _ => string.Join(',', EngineCatalog.Names) };
    private static readonly Option<string> Out = new("--out") { Description = "folder for run folders", DefaultValueFactory = _ => Path.Combine("results", "runs") };
    private static readonly Option<string> Name = new("--name") { Description = "run name, appended to the stamp", DefaultValueFactory = _ => "investigate" };

    public static Command Create()
    {
        var command = new Command("investigate", "The main job: spec and measurements for every engine, written to a run folder.");
        command.Options.Add(Engines);
        command.Options.Add(Out);
        command.Options.Add(Name);
        command.SetAction(RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var engines = parse.GetRequiredValue(Engines).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(name => EngineCatalog.Get(name).Name)
            .ToArray();
        var started = DateTimeOffset.UtcNow;
        var name = parse.GetRequiredValue(Name);
        var directory = Path.Combine(parse.GetRequiredValue(Out), $"{started.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}-{name}");
        var run = new RunDocument
        {
            Name = name,
            Command = "corslab " + string.Join(' ', parse.Tokens.Select(token => token.Value)),
            StartedUtc = started,
            Environment = RunEnvironment.Capture(GitRevision.Read(), BuildInfo.Configuration),
        };
        var specs = new List<SpecTally>();
        await RunWriter.WriteAsync(directory, run);
        Console.Out.WriteLine($"run folder: {directory}");

        var processes = new List<IAsyncDisposable>();
        try
        {
            Console.Out.WriteLine("starting origin");
            var origin = await LabComponents.StartOriginAsync(cancellationToken);
            processes.Add(origin);
            var small = new Uri(origin.HttpUrl, SmallGetPath);
            List<TargetInfo> targets = [new("direct", TargetKinds.Direct, "{url}", [])];
            var running = new List<EngineProcess>();
            foreach (var engine in engines)
            {
                Console.Out.WriteLine($"starting engine {engine}");
                var process = await LabComponents.StartEngineAsync(engine, origin, [], cancellationToken);
                processes.Add(process);
                running.Add(process);
                targets.Add(new TargetInfo(engine, TargetKinds.Engine, process.TargetTemplate, []));
            }

            run = run with { Targets = targets.ToArray() };

            foreach (var engine in running)
            {
                Console.Out.WriteLine($"spec: {engine.Engine}");
                var environment = new SpecEnvironment(engine.TargetTemplate, origin.HttpUrl, SpecEnvironment.FindRefusedUrl())
                {
                    OriginHttps = origin.HttpsUrl,
                    DeniedTargetUrl = SpecEnvironment.DeniedLoopbackUrl(origin.HttpUrl),
                };
                var report = await SpecRunner.RunAsync(SpecCatalog.All, environment, new SpecConsole(engine.Engine, verbose: false), cancellationToken);
                Console.Out.WriteLine($"  {SpecConsole.Total(report)}");
                specs.Add(new SpecTally(engine.Engine, report.Passed, report.Failed, report.Skipped, report.Cases.Where(c => c.Outcome == SpecOutcome.Failed).Select(c => c.Id).ToArray()));
                run = run with { Spec = specs.ToArray() };
                await RunWriter.WriteAsync(directory, run);
            }

            Console.Out.WriteLine($"latency: sequential GET {SmallGetPath}, direct and through each engine, interleaved");
            var probeTargets = targets.Select(t => new LatencyTarget(t.Name, new Uri(t.Template.Replace("{url}", t.Kind == TargetKinds.Direct ? small.ToString() : Uri.EscapeDataString(small.ToString()), StringComparison.Ordinal)))).ToArray();
            var latencies = await SequentialLatencyProbe.Default.RunAsync(probeTargets, cancellationToken);
            run = run with { Measurements = latencies, Complete = true, FinishedUtc = DateTimeOffset.UtcNow };
            await RunWriter.WriteAsync(directory, run);
            InvestigateTable.Print(run);
            Console.Out.WriteLine($"wrote {Path.Combine(directory, RunWriter.FileName)}");
            return ExitCodes.Success;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await RunWriter.WriteAsync(directory, run with { Complete = false, FinishedUtc = DateTimeOffset.UtcNow });
            Console.Error.WriteLine($"corslab: interrupted; partial results kept in {Path.Combine(directory, RunWriter.FileName)} (complete: false)");
            return ExitCodes.Interrupted;
        }
        finally
        {
            foreach (var process in Enumerable.Reverse(processes))
            {
                await process.DisposeAsync();
            }
        }
    }
}
