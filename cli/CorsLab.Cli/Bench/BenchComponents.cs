using CorsLab.Components;
using CorsLab.Load.Scenarios;
using CorsLab.Results;
using CorsLab.Spec;

namespace CorsLab.Cli.Bench;

/// <summary>
/// The processes a bench run needs (origin unless given, each engine) and the targets they make: <c>direct</c>
/// always first (the reference), then engines, then external templates. Disposing kills every child.
/// </summary>
internal sealed class BenchComponents : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _processes = [];
    private readonly List<BenchTarget> _targets = [];

    public OriginUrls? Origin { get; private set; }

    public OriginProcess? OriginProcess { get; private set; }

    public List<EngineProcess> Engines { get; } = [];

    public IReadOnlyList<BenchTarget> Targets => _targets;

    public async Task StartAsync(BenchPlan plan, BenchConsole console, CancellationToken cancellationToken)
    {
        if (plan.FixedUrl is { } url)
        {
            _targets.Add(new BenchTarget(new TargetInfo(url.GetLeftPart(UriPartial.Authority), TargetKinds.External, url.ToString(), []), null));
            return;
        }

        Uri http;
        Uri? https;
        int? originPid = null;
        if (plan.OriginHttp is { } given)
        {
            (http, https) = (given, plan.OriginHttps);
        }
        else
        {
            console.Line("starting origin");
            OriginProcess = await LabComponents.StartOriginAsync(cancellationToken);
            _processes.Add(OriginProcess);
            (http, https, originPid) = (OriginProcess.HttpUrl, OriginProcess.HttpsUrl, OriginProcess.Process.ProcessId);
        }

        Origin = new OriginUrls(http, https, SpecEnvironment.FindRefusedUrl());
        _targets.Add(new BenchTarget(new TargetInfo(BenchSession.DirectName, TargetKinds.Direct, "{url}", []), originPid));
        foreach (var engine in plan.Engines)
        {
            if (OriginProcess is null)
            {
                throw new Usage.UsageException("--engines needs the lab's own origin (the engines trust its certificate); drop --origin or use --target");
            }

            console.Line($"starting engine {engine}");
            var process = await LabComponents.StartEngineAsync(engine, OriginProcess, [], cancellationToken);
            _processes.Add(process);
            Engines.Add(process);
            _targets.Add(new BenchTarget(new TargetInfo(engine, TargetKinds.Engine, process.TargetTemplate, []), process.Process.ProcessId));
        }

        foreach (var template in plan.Templates)
        {
            _targets.Add(new BenchTarget(new TargetInfo(new Uri(template.Replace("{url}", "x", StringComparison.Ordinal)).GetLeftPart(UriPartial.Authority), TargetKinds.External, template, []), null));
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in Enumerable.Reverse(_processes))
        {
            await process.DisposeAsync();
        }

        _processes.Clear();
    }
}
