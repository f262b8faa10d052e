using System.ComponentModel;
using System.Diagnostics;
using CorsLab.Results;

namespace CorsLab.Load.Resources;

/// <summary>
/// Samples a process's CPU time and working set (VmRSS on Linux) every 100 ms over a phase: CPU seconds used
/// and the peak working set seen. Sampling, not VmHWM, because VmHWM is the peak since the process started
/// and a phase wants its own.
/// </summary>
public sealed class ResourceSampler : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private readonly Process _process;
    private readonly TimeSpan _cpuStart;
    private readonly long _startWorkingSet;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _peak;

    private ResourceSampler(Process process)
    {
        _process = process;
        _cpuStart = process.TotalProcessorTime;
        _startWorkingSet = process.WorkingSet64;
        _peak = _startWorkingSet;
        _loop = SampleAsync();
    }

    /// <summary>Starts sampling; null when the process is gone or cannot be read.</summary>
    public static ResourceSampler? Start(int processId)
    {
        try
        {
            return new ResourceSampler(Process.GetProcessById(processId));
        }
        catch (Exception error) when (error is ArgumentException or InvalidOperationException or Win32Exception)
        {
            return null;
        }
    }

    /// <summary>Stops sampling and returns what the phase used; null when the process went away.</summary>
    public async Task<ResourceSummary?> StopAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        try
        {
            _process.Refresh();
            _peak = Math.Max(_peak, _process.WorkingSet64);
            return new ResourceSummary((_process.TotalProcessorTime - _cpuStart).TotalSeconds, _peak, _startWorkingSet);
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
        _process.Dispose();
    }

    private async Task SampleAsync()
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                _process.Refresh();
                _peak = Math.Max(_peak, _process.WorkingSet64);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
        catch (InvalidOperationException)
        {
            // The process exited.
        }
    }
}
