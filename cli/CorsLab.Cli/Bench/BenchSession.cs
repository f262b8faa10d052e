using System.Globalization;
using CorsLab.Cli.Commands;
using CorsLab.Cli.Processes;
using CorsLab.Cli.Usage;
using CorsLab.Components;
using CorsLab.Diagnostics.Calibration;
using CorsLab.Diagnostics.Findings;
using CorsLab.Diagnostics.Verdict;
using CorsLab.Load.Ceiling;
using CorsLab.Load.Engine;
using CorsLab.Load.Scenarios;
using CorsLab.Load.Wrk;
using CorsLab.Reports;
using CorsLab.Results;
using CorsLab.Spec;
using CorsLab.Tracing;

namespace CorsLab.Cli.Bench;

/// <summary>
/// Runs a <see cref="BenchPlan"/> and writes its run folder. Shared by <c>bench</c> and <c>investigate</c>.
/// <code>
///  1 check input (targets reachable, wrk present) ─ 2 run folder ─ 3 origin, engines (child processes)
///  4 before-load hook (investigate's spec) ─ 5 repeat × scenario × target × driver, run.json after each
///    (first repeat: each scenario's load-client ceiling before its targets; with Capture, each engine's process
///    recorded around it as TARGET-SCENARIO.nettrace in the run folder)
///  6 complete: true, summary table, waterfalls, calibration verdict      (Ctrl+C: run.json with complete: false, exit 130; children killed)
/// </code>
/// </summary>
internal sealed class BenchSession
{
    public const string DirectName = "direct";

    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);

    private readonly BenchPlan _plan;
    private readonly BenchConsole _console;
    private RunDocument _run;
    private OriginUrls? _origin;

    private BenchSession(BenchPlan plan, BenchConsole console, RunDocument run)
    {
        _plan = plan;
        _console = console;
        _run = run;
    }

    /// <summary>The run folder (set once it exists).</summary>
    public string Directory { get; private set; } = "";

    public RunDocument Run => _run;

    /// <summary>An extra summary printed after the table (investigate's per-target view).</summary>
    public Action<RunDocument>? AfterRun { get; set; }

    /// <param name="beforeLoad">Runs once the components are up, before any load (e.g. the spec); may update the run.</param>
    public static async Task<int> RunAsync(BenchPlan plan, BenchConsole console, Func<BenchSession, BenchComponents, CancellationToken, Task>? beforeLoad, CancellationToken cancellationToken)
    {
        // 1. Input that can be checked before anything starts (the command tuned its load client: LoadCommandAction).
        if (plan.Drivers.Contains(WrkDriver.Name) && WrkDriver.FindExecutable() is null)
        {
            throw new UsageException(WrkDriver.NotInstalled);
        }

        foreach (var template in plan.Templates.Concat(plan.FixedUrl is { } url ? [url.ToString()] : []))
        {
            var probe = await SpecRunner.ProbeAsync(template, ProbeTimeout, cancellationToken);
            if (!probe.Reachable)
            {
                throw new UsageException(probe.Message);
            }
        }

        // 2. The run folder, with a run.json from the start.
        var started = DateTimeOffset.UtcNow;
        var session = new BenchSession(plan, console, new RunDocument
        {
            Name = plan.Name,
            Command = plan.Command,
            StartedUtc = started,
            Environment = RunEnvironment.Capture(GitRevision.Read(), BuildInfo.Configuration),
        });
        session.Directory = Path.Combine(plan.OutRoot, $"{started.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}-{plan.Name}");
        await session.WriteAsync();
        console.Line($"run folder: {session.Directory}");

        var components = new BenchComponents();
        try
        {
            // 3. Components.
            await components.StartAsync(plan, console, session.Directory, cancellationToken);
            session._origin = components.Origin;
            session._run = session._run with
            {
                Targets = components.Targets.Select(t => t.Info).ToArray(),
                Calibration = components.CalibrationPoints.Count > 0
                    ? new CalibrationRecord { Scenario = plan.Scenarios[0].Name, Points = components.CalibrationPoints }
                    : null,
            };
            await session.WriteAsync();

            // 4. Before load.
            if (beforeLoad is not null)
            {
                await beforeLoad(session, components, cancellationToken);
            }

            // 5. Load, targets interleaved within each repeat.
            using var control = new HttpClient(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(10) };
            var executor = components.Origin is { } origin
                ? new ScenarioExecutor(origin, control) { Capture = Diagnose.CaptureChoice.Create(plan.Capture, session.Directory, plan.CaptureCpu) }
                : null;
            for (var repeat = 0; repeat < plan.Repeat; repeat++)
            {
                foreach (var scenario in plan.Scenarios)
                {
                    if (repeat == 0)
                    {
                        await session.MeasureCeilingAsync(scenario, cancellationToken);
                    }

                    foreach (var target in components.Targets)
                    {
                        foreach (var driver in plan.Drivers)
                        {
                            var measurement = await session.MeasureAsync(executor, scenario, target, driver, repeat, cancellationToken);
                            if (measurement is not null)
                            {
                                session._run = session._run with { Measurements = [.. session._run.Measurements, measurement] };
                                await session.WriteAsync();
                            }

                            cancellationToken.ThrowIfCancellationRequested();
                        }
                    }
                }
            }

            // 6. Where the time went inside each engine, from its spans, and its counters over time.
            if (components.Receiver is { } receiver)
            {
                await session.AttachTelemetryAsync(receiver, components.Targets, cancellationToken);
            }

            // 7. Done: findings from the evidence, the report from run.json.
            await session.FinishAsync(complete: true, CancellationToken.None);
            BenchTable.Print(session._run, console.Interactive);
            WaterfallConsole.Print(RunAnalyzer.Analyze(session._run), console.Line);
            CaptureConsole.Print(session._run.Measurements, session.Directory, console.Line);
            session.AfterRun?.Invoke(session._run);
            var calibrated = CalibrationTable.Print(session._run, console);
            console.Line($"wrote {Path.Combine(session.Directory, RunWriter.FileName)} and {Path.Combine(session.Directory, "report.md")}");
            return calibrated ? ExitCodes.Success : ExitCodes.Failed;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await session.FinishAsync(complete: false, CancellationToken.None);
            await Console.Error.WriteLineAsync($"corslab: interrupted; partial results kept in {Path.Combine(session.Directory, RunWriter.FileName)} (complete: false)");
            return ExitCodes.Interrupted;
        }
        finally
        {
            await components.DisposeAsync();
        }
    }

    public async Task UpdateAsync(Func<RunDocument, RunDocument> change)
    {
        _run = change(_run);
        await WriteAsync();
    }

    /// <summary>
    /// Waits for the engines' last span batches and metric exports (both every
    /// <see cref="EngineTracing.ExportDelayMilliseconds"/>), then gives each engine measurement the stage breakdown of
    /// its traced requests and its process's counters.
    /// </summary>
    private async Task AttachTelemetryAsync(OtlpReceiver receiver, IReadOnlyList<BenchTarget> targets, CancellationToken cancellationToken)
    {
        await Task.Delay(2 * EngineTracing.ExportDelayMilliseconds, cancellationToken);
        var traces = await receiver.RequestTracesAsync(cancellationToken);
        _console.Line($"traces: {receiver.SpanCount} spans, {traces.Count} requests traced, in {receiver.SpansPath}");
        _console.Line($"metrics: {receiver.MetricPointCount} points, in {receiver.MetricsPath}");
        var processIds = targets.Where(t => t.Info.Kind == TargetKinds.Engine && t.ProcessId is not null).ToDictionary(t => t.Info.Name, t => t.ProcessId!.Value);
        _run = MeasurementCounters.Attach(MeasurementStages.Attach(_run, traces), await receiver.MetricPointsAsync(cancellationToken), processIds, receiver.Ports);
        await WriteAsync();
    }

    private Task WriteAsync() => RunWriter.WriteAsync(Directory, _run);

    /// <summary>Names causes from what was measured (even a partial run) and renders the report from run.json.</summary>
    private async Task FinishAsync(bool complete, CancellationToken cancellationToken)
    {
        _run = _run with { Complete = complete, FinishedUtc = DateTimeOffset.UtcNow };
        _run = _run with
        {
            Findings = FindingRules.Evaluate(_run),
            Calibration = _run.Calibration is { } calibration ? calibration with { Results = CalibrationJudge.Evaluate(_run) } : null,
        };
        await WriteAsync();
        await ReportRenderer.RenderAsync(Directory, cancellationToken);
    }

    private async Task<ScenarioMeasurement?> MeasureAsync(ScenarioExecutor? executor, Scenario scenario, BenchTarget target, string driver, int repeat, CancellationToken cancellationToken)
    {
        var model = _plan.Overrides.Apply(scenario.ModelFor(_plan.Quick));
        var label = $"[{repeat + 1}/{_plan.Repeat}] {target.Info.Name} · {scenario.Name} · {driver} · {model.KindName}";
        if (driver == WrkDriver.Name)
        {
            var request = RequestsFor(scenario, target)[0];
            _console.Line($"{label}: wrk");
            var measured = await WrkDriver.RunAsync(target.Info.Name, scenario.Name, repeat, request, model with { Kind = LoadModelKind.Max }, cancellationToken);
            Report(label, measured);
            return measured;
        }

        var measurement = await _console.TrackAsync(label, async observer =>
        {
            if (executor is not null)
            {
                return await executor.RunAsync(scenario, model, target.Info, repeat, target.ProcessId, observer, cancellationToken);
            }

            // A fixed URL: the load alone, no origin to join with.
            var startedUtc = DateTimeOffset.UtcNow;
            var run = await new LoadRunner(RequestsFor(scenario, target), model).RunAsync(observer, cancellationToken);
            var built = MeasurementBuilder.From(target.Info.Name, scenario.Name, repeat, model, startedUtc, run);
            return built with { Thresholds = scenario.Thresholds.Where(t => t.Metric != ThresholdMetrics.HealthyAfter).Select(t => t.Evaluate(built)).ToArray() };
        });
        Report(label, measurement);
        return measurement;
    }

    /// <summary>The load client's own ceiling on <paramref name="scenario"/>, once per run, before the targets.</summary>
    private async Task MeasureCeilingAsync(Scenario scenario, CancellationToken cancellationToken)
    {
        if (!_plan.Drivers.Contains(DriverNames.Corslab) || !LoadClientCeiling.Covers(scenario))
        {
            return;
        }

        var model = _plan.Overrides.Apply(scenario.ModelFor(_plan.Quick));
        var label = $"{LoadClientCeiling.TargetName} · {scenario.Name} · {model.KindName}";
        var ceiling = await _console.TrackAsync(label, observer => LoadClientCeiling.MeasureAsync(scenario, model, 0, observer, cancellationToken));
        Report(label, ceiling);
        _run = _run with { Ceilings = [.. _run.Ceilings, ceiling] };
        await WriteAsync();
    }

    private IReadOnlyList<RequestSpec> RequestsFor(Scenario scenario, BenchTarget target) =>
        _plan.FixedUrl is { } url
            ? [new RequestSpec { Url = url, Method = scenario.Method, Headers = scenario.Headers, ConnectionClose = scenario.ConnectionClose }]
            : ScenarioRequests.For(scenario, target.Info, _origin ?? throw new InvalidOperationException("no origin"));

    private void Report(string label, ScenarioMeasurement m)
    {
        var errors = m.Errors.Values.Sum();
        var failed = m.Thresholds.Where(t => !t.Passed).Select(t => $"{t.Metric} {t.Actual:0.###} (limit {t.Operator} {t.Limit})").ToArray();
        _console.Line(string.Create(
            CultureInfo.InvariantCulture,
            $"{label}: {m.Requests} requests, {m.RequestsPerSecond:0} req/s, p50 {m.Latency.P50 / 1000:0.00} ms, p99 {m.Latency.P99 / 1000:0.00} ms, {errors} errors{(failed.Length > 0 ? ", FAILED " + string.Join("; ", failed) : "")}"));
    }
}
