using CorsLab.Results;

namespace CorsLab.Load.Capture;

/// <summary>One recording in progress; stopping it returns what it saw over the measured phase.</summary>
public interface IScenarioCaptureSession : IAsyncDisposable
{
    /// <summary>Stops recording and analyses the events of <paramref name="window"/>; null when the recording holds nothing usable.</summary>
    Task<CaptureSummary?> StopAsync(CaptureWindow window, CancellationToken cancellationToken);
}
