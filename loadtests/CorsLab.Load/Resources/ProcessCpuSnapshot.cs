using System.Globalization;

namespace CorsLab.Load.Resources;

/// <summary>
/// A process's time on CPU to the nanosecond, per thread, from Linux's scheduler statistics
/// (<c>/proc/PID/task/TID/schedstat</c>, first field). <c>/proc/PID/stat</c> and <c>Process.TotalProcessorTime</c>
/// count in 10 ms ticks, too coarse for the 30–100 ms a proxy spends on CPU in a one-second duet trial.
/// </summary>
public sealed class ProcessCpuSnapshot
{
    private readonly Dictionary<int, long> _threadNanos;

    private ProcessCpuSnapshot(Dictionary<int, long> threadNanos) => _threadNanos = threadNanos;

    /// <summary>Null when the process's threads cannot be read (it exited, or not Linux).</summary>
    public static ProcessCpuSnapshot? Take(int processId)
    {
        var tasks = $"/proc/{processId.ToString(CultureInfo.InvariantCulture)}/task";
        try
        {
            var threads = new Dictionary<int, long>();
            foreach (var directory in Directory.EnumerateDirectories(tasks))
            {
                if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var tid) && ReadNanos(directory) is { } nanos)
                {
                    threads[tid] = nanos;
                }
            }

            return threads.Count > 0 ? new ProcessCpuSnapshot(threads) : null;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// CPU time since <paramref name="earlier"/>: each thread's growth, a thread started since counted whole. A thread
    /// that ended in between loses its time since <paramref name="earlier"/> (the pool retires a thread only after
    /// seconds idle, so little is lost).
    /// </summary>
    public TimeSpan Since(ProcessCpuSnapshot earlier)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        var nanos = 0L;
        foreach (var (tid, now) in _threadNanos)
        {
            nanos += Math.Max(0, now - earlier._threadNanos.GetValueOrDefault(tid));
        }

        return TimeSpan.FromTicks(nanos / 100);
    }

    private static long? ReadNanos(string taskDirectory)
    {
        try
        {
            var text = File.ReadAllText(Path.Combine(taskDirectory, "schedstat"));
            var end = text.IndexOf(' ', StringComparison.Ordinal);
            return long.TryParse(end < 0 ? text.AsSpan().Trim() : text.AsSpan(0, end), NumberStyles.None, CultureInfo.InvariantCulture, out var nanos) ? nanos : null;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // The thread ended between listing and reading.
            return null;
        }
    }
}
