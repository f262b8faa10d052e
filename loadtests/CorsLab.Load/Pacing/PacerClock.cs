using System.Diagnostics;

namespace CorsLab.Load.Pacing;

/// <summary>
/// The pacer's time: a monotonic timestamp (Stopwatch ticks, the clock every lab process shares) and a wait until
/// an absolute timestamp. Injected so the schedule is tested on a virtual clock, without sleeping.
/// </summary>
public abstract class PacerClock
{
    /// <summary>The machine's clock: on Linux an absolute high-resolution sleep, elsewhere a coarse sleep and a short spin.</summary>
    public static PacerClock System { get; } = PreciseSleep.IsAvailable ? new PreciseSleep() : new SleepThenSpin();

    public abstract long GetTimestamp();

    /// <summary>Returns at or soon after <paramref name="timestamp"/>, or when <paramref name="cancellationToken"/> fires.</summary>
    public abstract void SleepUntil(long timestamp, CancellationToken cancellationToken);

    /// <summary>Called once on the pacing thread before its first wait.</summary>
    public virtual void PrepareThread()
    {
    }

    /// <summary>
    /// Fallback where there is no absolute nanosleep: sleep in whole milliseconds until the due time is less than
    /// <see cref="SpinWindow"/> away, then spin. The spin costs a core for at most that window per request.
    /// </summary>
    private sealed class SleepThenSpin : PacerClock
    {
        private static readonly long SpinWindow = Stopwatch.Frequency / 500;

        public override long GetTimestamp() => Stopwatch.GetTimestamp();

        public override void SleepUntil(long timestamp, CancellationToken cancellationToken)
        {
            while (!cancellationToken.IsCancellationRequested && timestamp - Stopwatch.GetTimestamp() > SpinWindow)
            {
                Thread.Sleep(1);
            }

            var spinner = default(SpinWait);
            while (!cancellationToken.IsCancellationRequested && Stopwatch.GetTimestamp() < timestamp)
            {
                spinner.SpinOnce(sleep1Threshold: -1);
            }
        }
    }
}
