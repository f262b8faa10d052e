using System.Diagnostics;
using System.Runtime.InteropServices;

namespace CorsLab.Protocol.Timing;

/// <summary>
/// A sleep to an absolute instant on the clock every lab process times with. On Linux, Stopwatch ticks are
/// CLOCK_MONOTONIC nanoseconds, so a timestamp is <c>clock_nanosleep(TIMER_ABSTIME)</c>'s deadline as it is; with
/// the thread's timer slack cut from the default 50 µs to 1 µs the wake-up is tens of µs late, where
/// <see cref="Thread.Sleep(TimeSpan)"/> rounds to whole milliseconds.
/// </summary>
public static partial class MonotonicSleep
{
    private const int ClockMonotonic = 1;
    private const int TimerAbstime = 1;
    private const int PrSetTimerslack = 29;
    private const long NanosPerSecond = 1_000_000_000;

    public static bool IsAvailable => OperatingSystem.IsLinux() && Stopwatch.Frequency == NanosPerSecond;

    /// <summary>Cuts the calling thread's timer slack to 1 µs (Linux; the setting stays with the thread).</summary>
    public static void PrepareThread()
    {
        if (IsAvailable)
        {
            _ = Prctl(PrSetTimerslack, 1, 0, 0, 0);
        }
    }

    /// <summary>
    /// Blocks until <paramref name="timestamp"/> (Stopwatch ticks) or a signal, whichever is first; callers loop
    /// when they must not wake early. Only where <see cref="IsAvailable"/>.
    /// </summary>
    public static void SleepUntil(long timestamp)
    {
        var deadline = new Timespec { Seconds = timestamp / NanosPerSecond, Nanoseconds = timestamp % NanosPerSecond };
        _ = ClockNanosleep(ClockMonotonic, TimerAbstime, ref deadline, IntPtr.Zero);
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
