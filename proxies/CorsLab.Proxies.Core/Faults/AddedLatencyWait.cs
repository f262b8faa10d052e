using System.Diagnostics;
using CorsLab.Protocol.Timing;

namespace CorsLab.Proxies.Core.Faults;

/// <summary>
/// Fault added-latency: holds a request for a known time before it is forwarded, so the lab can check that it
/// measures what is there. The runtime's timers are millisecond-grained, so a wait ends in a precise sleep on the
/// request's thread and a spin over its last microseconds; a long wait first gives its thread back to a timer.
/// A short wait is spun whole: a thread put to sleep for 100 µs wakes on a cold core and the request then runs
/// slower than the wait alone (measured: +50–70 µs at 100 µs), which would add a cost the fault does not name.
/// Where there is no absolute sleep (not Linux) the part below the timer is spun.
/// </summary>
public static class AddedLatencyWait
{
    /// <summary>Waits longer than this start on a timer, which may wake up to a millisecond late.</summary>
    private static readonly TimeSpan TimerThreshold = TimeSpan.FromMilliseconds(4);

    /// <summary>What the timer leaves to the precise part: more than its lateness.</summary>
    private static readonly TimeSpan TimerMargin = TimeSpan.FromMilliseconds(2);

    /// <summary>The sleep wakes up to tens of µs late; the last stretch is spun so the wait is exact.</summary>
    private static readonly long SpinTail = Stopwatch.Frequency / 25_000;

    /// <summary>Waits up to this are spun whole (a tenth of a core at 1,000 requests/s for 100 µs).</summary>
    private static readonly TimeSpan SpinThreshold = TimeSpan.FromMicroseconds(250);

    /// <returns>False when <paramref name="cancellationToken"/> fired first (the client went away).</returns>
    public static async ValueTask<bool> WaitAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(delay.TotalSeconds * Stopwatch.Frequency);
        if (delay > TimerThreshold)
        {
            try
            {
                await Task.Delay(delay - TimerMargin, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }

        if (delay > SpinThreshold && MonotonicSleep.IsAvailable && deadline - Stopwatch.GetTimestamp() > SpinTail)
        {
            MonotonicSleep.PrepareThread();
            MonotonicSleep.SleepUntil(deadline - SpinTail);
        }

        var spinner = default(SpinWait);
        while (Stopwatch.GetTimestamp() < deadline && !cancellationToken.IsCancellationRequested)
        {
            spinner.SpinOnce(sleep1Threshold: -1);
        }

        return !cancellationToken.IsCancellationRequested;
    }
}
