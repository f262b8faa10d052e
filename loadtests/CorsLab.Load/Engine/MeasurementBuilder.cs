using CorsLab.Results;

namespace CorsLab.Load.Engine;

/// <summary>Turns a load run's measured phase into a <see cref="ScenarioMeasurement"/> (the warm-up only as a count).</summary>
public static class MeasurementBuilder
{
    public static ScenarioMeasurement From(string target, string scenario, int repeat, LoadModel model, DateTimeOffset startedUtc, LoadRunResult run)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(run);
        var measured = run.Measured;
        return new ScenarioMeasurement
        {
            Target = target,
            Scenario = scenario,
            Repeat = repeat,
            Model = model.ToSettings(),
            StartedUtc = startedUtc,
            ElapsedSeconds = measured.Elapsed.TotalSeconds,
            Complete = measured.Complete,
            Requests = measured.Requests,
            Errors = measured.Errors,
            StatusCounts = measured.StatusCounts,
            BytesReceived = measured.BytesReceived,
            BytesSent = measured.BytesSent,
            RequestsPerSecond = measured.RequestsPerSecond,
            Latency = measured.Latency,
            FirstByte = measured.FirstByte,
            PacerLateness = measured.PacerLateness,
            SendLateness = measured.SendLateness,
            Series = measured.Series,
            WarmupRequests = run.Warmup?.Requests ?? 0,
            WarmupSeconds = run.Warmup?.Elapsed.TotalSeconds,
            WarmupSteady = run.Warmup?.Steady,
            ClientConnectionsOpened = run.ConnectionsOpened,
        };
    }
}
