using System.Diagnostics;

namespace CorsLab.Proxies.Core.Faults;

/// <summary>
/// Fault added-latency: holds a request for a known time before it is forwarded, so the lab can check that it
/// measures what is there. The runtime's timers are millisecond-grained, so a wait is either spun on the request's
/// thread (short ones: a thread put to sleep for 100 µs wakes on a cold core and the request then runs slower than
/// the wait alone, measured +50–70 µs) or completed by the <see cref="DeadlineThread"/> (longer ones: no pool thread
/// is held while the request waits).
/// </summary>
public static class AddedLatencyWait
{
    /// <summary>Waits up to this are spun whole (a tenth of a core at 1,000 requests/s for 100 µs).</summary>
    private static readonly TimeSpan SpinThreshold = TimeSpan.FromMicroseconds(250);

    /// <returns>False when <paramref name="cancellationToken"/> fired first (the client went away).</returns>
    public static async ValueTask<bool> WaitAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(delay.TotalSeconds * Stopwatch.Frequency);
        if (delay > SpinThreshold)
        {
            return await DeadlineThread.Shared.WaitUntilAsync(deadline, cancellationToken);
        }

        var spinner = default(SpinWait);
        while (Stopwatch.GetTimestamp() < deadline && !cancellationToken.IsCancellationRequested)
        {
            spinner.SpinOnce(sleep1Threshold: -1);
        }

        return !cancellationToken.IsCancellationRequested;
    }
}
