using CorsLab.Results;

namespace CorsLab.Load.Capture;

/// <summary>
/// A white-box recorder the executor runs around a scenario on the target's process (an EventPipe session, in
/// CorsLab.Capture). An interface here so the load engine never depends on what records: dependencies point from the
/// capture to the load engine, not back.
/// </summary>
public interface IScenarioCapture
{
    /// <summary>Starts recording <paramref name="processId"/> before the scenario's load; null when that process cannot be recorded.</summary>
    Task<IScenarioCaptureSession?> StartAsync(int processId, TargetInfo target, string scenario, int repeat, CancellationToken cancellationToken);
}
