using System.Diagnostics;
using System.Runtime.InteropServices;

namespace CorsLab.Load.Pacing;

/// <summary>
/// Linux: <c>clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME)</c> to the due instant, with the thread's timer slack
/// cut from the default 50 µs to 1 µs. No spin, so the pacer takes no core from the system under test; measured
/// lateness is tens of µs. Stopwatch ticks are CLOCK_MONOTONIC nanoseconds on Linux, so a due timestamp is the
/// sleep's absolute deadline as it is.
/// </summary>
internal sealed partial class PreciseSleep : PacerClock
{
    private const int ClockMonotonic = 1;
    private const int TimerAbstime = 1;
    private const int PrSetTimerslack = 29;
    private const long NanosPerSecond = 1_000_000_000;

    /// <summary>Long sleeps wake this often to notice cancellation.</summary>
    private static readonly long MaxSlice = NanosPerSecond / 20;

    public static bool IsAvailable => OperatingSystem.IsLinux() && Stopwatch.Frequency == NanosPerSecond;

    public override long GetTimestamp() => Stopwatch.GetTimestamp();

    public override void PrepareThread() => _ = Prctl(PrSetTimerslack, 1, 0, 0, 0);

    public override void SleepUntil(long timestamp, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var now = Stopwatch.GetTimestamp();
            if (now >= timestamp)
            {
                return;
            }

            var until = Math.Min(timestamp, now + MaxSlice);
            var deadline = new Timespec { Seconds = until / NanosPerSecond, Nanoseconds = until % NanosPerSecond };

            // EINTR returns early; the loop sleeps again to the same deadline.
            _ = ClockNanosleep(ClockMonotonic, TimerAbstime, ref deadline, IntPtr.Zero);
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_nanosleep")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int ClockNanosleep(int clock, int flags, ref Timespec request, IntPtr remain);

    [LibraryImport("libc", EntryPoint = "prctl")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int Prctl(int option, ulong arg2, ulong arg3, ulong arg4, ulong arg5);
}
