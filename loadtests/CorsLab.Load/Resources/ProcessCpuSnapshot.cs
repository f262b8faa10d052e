using System.Globalization;

namespace CorsLab.Load.Resources;

/// <summary>
/// A process's time on CPU to the nanosecond, per thread, from Linux's scheduler statistics
/// (<c>/proc/PID/task/TID/schedstat</c>, first field). <c>/proc/PID/stat</c> and <c>Process.TotalProcessorTime</c>
/// count in 10 ms ticks, too coarse for the 30–100 ms a proxy spends on CPU in a one-second duet trial. Each thread
/// keeps its name (<c>comm</c>: ".NET Sockets", ".NET TP Worker"), which says which of the runtime's threads did the work.
/// </summary>
public sealed class ProcessCpuSnapshot
{
    private readonly Dictionary<int, (string Name, long Nanos)> _threads;

    private ProcessCpuSnapshot(Dictionary<int, (string Name, long Nanos)> threads) => _threads = threads;

    /// <summary>Null when the process's threads cannot be read (it exited, or not Linux).</summary>
    public static ProcessCpuSnapshot? Take(int processId)
    {
        var tasks = $"/proc/{processId.ToString(CultureInfo.InvariantCulture)}/task";
        try
        {
            var threads = new Dictionary<int, (string, long)>();
            foreach (var directory in Directory.EnumerateDirectories(tasks))
            {
                if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var tid) && Read(directory) is { } thread)
                {
                    threads[tid] = thread;
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
    public TimeSpan Since(ProcessCpuSnapshot earlier) => TimeSpan.FromTicks(Growth(earlier).Sum(thread => thread.Nanos) / 100);

    /// <summary><see cref="Since"/> split by thread name: where the process's CPU went.</summary>
    public IReadOnlyDictionary<string, TimeSpan> SinceByThreadName(ProcessCpuSnapshot earlier) =>
        Growth(earlier).GroupBy(thread => thread.Name, StringComparer.Ordinal).ToDictionary(group => group.Key, group => TimeSpan.FromTicks(group.Sum(thread => thread.Nanos) / 100), StringComparer.Ordinal);

    private IEnumerable<(string Name, long Nanos)> Growth(ProcessCpuSnapshot earlier)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        return _threads.Select(pair => (pair.Value.Name, Math.Max(0, pair.Value.Nanos - (earlier._threads.TryGetValue(pair.Key, out var then) ? then.Nanos : 0))));
    }

    private static (string Name, long Nanos)? Read(string taskDirectory)
    {
        try
        {
            var name = File.ReadAllText(Path.Combine(taskDirectory, "comm")).TrimEnd('\n');
            var text = File.ReadAllText(Path.Combine(taskDirectory, "schedstat"));
            var end = text.IndexOf(' ', StringComparison.Ordinal);
            return long.TryParse(end < 0 ? text.AsSpan().Trim() : text.AsSpan(0, end), NumberStyles.None, CultureInfo.InvariantCulture, out var nanos) ? (name, nanos) : null;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // The thread ended between listing and reading.
            return null;
        }
    }
}
