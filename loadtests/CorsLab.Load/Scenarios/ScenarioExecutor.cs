using System.Diagnostics;
using CorsLab.Load.Capture;
using CorsLab.Load.Engine;
using CorsLab.Load.Join;
using CorsLab.Load.Resources;
using CorsLab.Protocol.OriginTimings;
using CorsLab.Results;

namespace CorsLab.Load.Scenarios;

/// <summary>
/// One scenario against one target: load (warm-up, measured), the target process's resources over it, the
/// three-point join with the origin, the health check, the thresholds, and, given a <see cref="Capture"/>, a white-box
/// recording of the target's process. Returns the measurement; never throws for what the target did (that is
/// measured), only for cancellation.
/// </summary>
public sealed class ScenarioExecutor(OriginUrls origin, HttpClient control)
{
    /// <summary>Records the target's process around each scenario (never direct's: the origin is not under study); null for none.</summary>
    public IScenarioCapture? Capture { get; init; }

    private static readonly TimeSpan HealthTimeout = TimeSpan.FromSeconds(3);

    private readonly OriginTimingsClient _timings = new(control, origin.Http);

    /// <param name="processId">The target's process, to sample its CPU and memory; null for none.</param>
    public async Task<ScenarioMeasurement> RunAsync(
        Scenario scenario, LoadModel model, TargetInfo target, int repeat, int? processId, ILoadObserver? observer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(target);
        var requests = ScenarioRequests.For(scenario, target, origin);
        var started = DateTimeOffset.UtcNow;
        await using var capture = Capture is not null && processId is { } capturedPid && target.Kind != TargetKinds.Direct
            ? await Capture.StartAsync(capturedPid, target, scenario.Name, repeat, cancellationToken)
            : null;
        var sampler = processId is { } pid ? ResourceSampler.Start(pid) : null;
        var phase = new MeasuredPhaseStart(observer);
        LoadRunResult run;
        ResourceSummary? resources = null;
        try
        {
            run = await new LoadRunner(requests, model).RunAsync(phase, cancellationToken);
        }
        finally
        {
            if (sampler is not null)
            {
                resources = await sampler.StopAsync();
                await sampler.DisposeAsync();
            }
        }

        // Stopped after the sampler: the session's rundown costs the target CPU that is not the scenario's.
        CaptureSummary? captured = null;
        if (capture is not null)
        {
            var window = new CaptureWindow(
                phase.Started ?? Stopwatch.GetTimestamp(), Stopwatch.GetTimestamp(), run.Measured.Requests, run.Measured.BytesReceived + run.Measured.BytesSent,
                ScenarioRequests.UpstreamOf(scenario, origin).Host);
            captured = await capture.StopAsync(window, cancellationToken);
        }

        var measurement = MeasurementBuilder.From(target.Name, scenario.Name, repeat, model, started, run) with { Resources = resources, Capture = captured };
        if (scenario.Joinable && run.Measured.Complete)
        {
            measurement = measurement with { ThreePoint = await ThreePointJoin.JoinAsync(_timings, run.Measured, cancellationToken) };
        }

        if (scenario.CheckHealthAfter)
        {
            measurement = measurement with { HealthyAfter = await IsHealthyAsync(ScenarioRequests.HealthUrl(target, origin), cancellationToken) };
        }

        return measurement with { Thresholds = scenario.Thresholds.Select(t => t.Evaluate(measurement)).ToArray() };
    }

    private async Task<bool> IsHealthyAsync(Uri url, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(HealthTimeout);
        try
        {
            using var response = await control.GetAsync(url, deadline.Token);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
