using System.Globalization;
using CorsLab.Components;
using CorsLab.Load.Scenarios;
using CorsLab.Proxies.Core.Faults;
using CorsLab.Results;
using CorsLab.Spec;
using CorsLab.Tracing;

namespace CorsLab.Cli.Bench;

/// <summary>
/// The processes a bench run needs (origin unless given, each engine) and the targets they make: <c>direct</c>
/// always first (the reference), then engines (each followed by its calibration twins), then external templates.
/// Disposing kills every child.
/// </summary>
internal sealed class BenchComponents : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _processes = [];
    private readonly List<BenchTarget> _targets = [];

    public OriginUrls? Origin { get; private set; }

    public OriginProcess? OriginProcess { get; private set; }

    public List<EngineProcess> Engines { get; } = [];

    public IReadOnlyList<BenchTarget> Targets => _targets;

    /// <summary>Where the lab and the components run, when <see cref="BenchPlan.SplitCpus"/> could split them; else null.</summary>
    public CpuSplit? Cpus { get; private set; }

    /// <summary>The lab's OTLP receiver the engines export to; null with <c>--otlp-endpoint</c> or when no engine runs.</summary>
    public OtlpReceiver? Receiver { get; private set; }

    private EngineTracing? _tracing;

    /// <summary>Set once the lab pinned itself; released with the components, so a later run's components start on every CPU.</summary>
    private bool _labPinned;

    /// <summary>The calibration twins started for <see cref="BenchPlan.CalibrationDelays"/>, each with its reference.</summary>
    public List<CalibrationPoint> CalibrationPoints { get; } = [];

    /// <param name="directory">The run folder, where the receiver writes spans.jsonl.</param>
    public async Task StartAsync(BenchPlan plan, BenchConsole console, string directory, CancellationToken cancellationToken)
    {
        if (plan.FixedUrl is { } url)
        {
            _targets.Add(new BenchTarget(new TargetInfo(url.GetLeftPart(UriPartial.Authority), TargetKinds.External, url.ToString(), []), null));
            return;
        }

        CpuSplit? cpus = null;
        if (plan.SplitCpus)
        {
            (cpus, var reason) = CpuSplit.ForThisMachine();
            Cpus = cpus;
            if (cpus is null)
            {
                console.Line($"not splitting CPUs: {reason}; lab and components share them");
            }
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
            OriginProcess = await LabComponents.StartOriginAsync(cancellationToken, cpus);
            _processes.Add(OriginProcess);
            (http, https, originPid) = (OriginProcess.HttpUrl, OriginProcess.HttpsUrl, OriginProcess.Process.ProcessId);
        }

        Origin = new OriginUrls(http, https, SpecEnvironment.FindRefusedUrl());
        await StartTracingAsync(plan, console, directory, cancellationToken);
        _targets.Add(new BenchTarget(new TargetInfo(BenchSession.DirectName, TargetKinds.Direct, "{url}", []), originPid));
        foreach (var engine in plan.Engines)
        {
            if (OriginProcess is null)
            {
                throw new Usage.UsageException("--engines needs the lab's own origin (the engines trust its certificate); drop --origin or use --target");
            }

            await StartEngineAsync(engine, engine, [.. plan.EngineFaults], OriginProcess, cpus, console, cancellationToken);
            foreach (var delay in plan.CalibrationDelays)
            {
                var micros = delay.TotalMicroseconds;
                var name = string.Create(CultureInfo.InvariantCulture, $"{engine}+{micros:0}us");
                string[] faults = delay > TimeSpan.Zero ? [FaultNames.AddedLatencyOf(delay)] : [];
                await StartEngineAsync(engine, name, faults, OriginProcess, cpus, console, cancellationToken);
                CalibrationPoints.Add(new CalibrationPoint(engine, name, engine, micros));
            }
        }

        foreach (var template in plan.Templates)
        {
            _targets.Add(new BenchTarget(new TargetInfo(new Uri(TargetTemplate.Sample(template)).GetLeftPart(UriPartial.Authority), TargetKinds.External, template, []), null));
        }

        // The lab last: a child inherits its parent's CPUs, and one started from a pinned lab would size its runtime for one.
        if (cpus is not null)
        {
            await cpus.PinThisProcessAsync();
            _labPinned = true;
            console.Line($"lab on CPU {cpus.LabCpus}, origin and engines on CPU {cpus.ComponentCpus}");
        }
    }

    private async Task StartTracingAsync(BenchPlan plan, BenchConsole console, string directory, CancellationToken cancellationToken)
    {
        // Sampling 0 is an untraced engine, not a traced one that keeps nothing: no provider, no span work at all.
        if (plan.Engines.Count == 0 || plan.TraceSampling == 0)
        {
            return;
        }

        if (plan.OtlpEndpoint is { } endpoint)
        {
            console.Line($"engines export traces to {endpoint} (sampling {plan.TraceSampling.ToString(CultureInfo.InvariantCulture)})");
            _tracing = EngineTracing.ToCollector(endpoint, plan.TraceSampling);
            return;
        }

        Receiver = await OtlpReceiver.StartAsync(directory, cancellationToken);
        _processes.Add(Receiver);
        console.Line($"OTLP receiver on {Receiver.HttpEndpoint} (http) and {Receiver.GrpcEndpoint} (grpc), sampling {plan.TraceSampling.ToString(CultureInfo.InvariantCulture)}");
        _tracing = EngineTracing.ToReceiver(Receiver.HttpEndpoint, plan.TraceSampling);
    }

    private async Task StartEngineAsync(string engine, string name, string[] faults, OriginProcess origin, CpuSplit? cpus, BenchConsole console, CancellationToken cancellationToken)
    {
        console.Line(name == engine ? $"starting engine {engine}{(faults.Length > 0 ? " with " + string.Join(' ', faults) : "")}" : $"starting engine {engine} as {name}");
        var process = await LabComponents.StartEngineAsync(engine, origin, faults, cancellationToken, cpus, _tracing);
        _processes.Add(process);
        Engines.Add(process);
        _targets.Add(new BenchTarget(new TargetInfo(name, TargetKinds.Engine, process.TargetTemplate, faults), process.Process.ProcessId));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in Enumerable.Reverse(_processes))
        {
            await process.DisposeAsync();
        }

        _processes.Clear();
        if (_labPinned)
        {
            await Cpus!.ReleaseThisProcessAsync();
            _labPinned = false;
        }
    }
}
