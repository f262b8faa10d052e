using CorsLab.Load.Capture;
using CorsLab.Results;
using Microsoft.Diagnostics.NETCore.Client;

namespace CorsLab.Capture;

/// <summary>One EventPipe session streaming to its <c>.nettrace</c>; stopping it ends the stream (after the rundown) and analyses the file.</summary>
internal sealed class EventPipeCaptureSession : IScenarioCaptureSession
{
    private readonly EventPipeSession _session;
    private readonly FileStream _file;
    private readonly Task _copy;
    private readonly string _folder;
    private readonly string _name;
    private readonly bool _cpuSampling;
    private bool _stopped;

    public EventPipeCaptureSession(EventPipeSession session, string folder, string name, bool cpuSampling)
    {
        _session = session;
        _folder = folder;
        _name = name;
        _cpuSampling = cpuSampling;
        _file = File.Create(Path.Combine(folder, TraceFileName));
        _copy = session.EventStream.CopyToAsync(_file);
    }

    private string TraceFileName => _name + ".nettrace";

    private string FlameGraphFileName => _name + ".speedscope.json";

    public async Task<CaptureSummary?> StopAsync(CaptureWindow window, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(window);
        await StopStreamAsync(cancellationToken);
        var trace = Path.Combine(_folder, TraceFileName);
        var result = await Task.Run(() => TraceAnalysis.Analyze(trace, window), cancellationToken);
        string? flameGraph = null;
        if (_cpuSampling && result.Stacks.Count > 0)
        {
            flameGraph = FlameGraphFileName;
            await SpeedscopeWriter.WriteAsync(Path.Combine(_folder, flameGraph), _name, result.Stacks, cancellationToken);
        }

        return result.Summary with { TraceFile = TraceFileName, FlameGraphFile = flameGraph };
    }

    public async ValueTask DisposeAsync()
    {
        await StopStreamAsync(CancellationToken.None);
        _session.Dispose();
    }

    private async Task StopStreamAsync(CancellationToken cancellationToken)
    {
        if (_stopped)
        {
            return;
        }

        try
        {
            await _session.StopAsync(cancellationToken);
        }
        catch (Exception error) when (error is ServerNotAvailableException or EndOfStreamException or IOException)
        {
            // The target exited: the stream ends by itself with what it had.
        }

        // Marked only once stopped: an interrupted stop (Ctrl+C) is finished by DisposeAsync, so no session outlives the lab.
        _stopped = true;
        await _copy;
        await _file.DisposeAsync();
    }
}
