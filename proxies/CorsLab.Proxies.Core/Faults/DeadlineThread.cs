using System.Diagnostics;
using CorsLab.Protocol.Timing;

namespace CorsLab.Proxies.Core.Faults;

/// <summary>
/// Completes waits at their deadlines to within a few µs, from one dedicated thread, so no thread-pool thread is held
/// while a request waits (holding them starves a 2-core pool at once: 1,000 requests/s × 2 ms is both workers). The
/// thread sleeps to the earliest deadline less a short tail (absolute high-resolution sleep), spins the tail, and
/// completes the wait. It sleeps at most <see cref="MaxSlice"/> at a time, so a wait that arrives with an earlier
/// deadline than those queued is late by no more than that; an engine adds one latency to every request, so its
/// deadlines arrive in order and that never happens. One per process, like the runtime's own timer thread.
/// </summary>
internal sealed class DeadlineThread
{
    private static readonly long SpinTail = Stopwatch.Frequency / 25_000;
    private static readonly long MaxSlice = Stopwatch.Frequency / 1_000;
    private static readonly Lazy<DeadlineThread> Instance = new(() => new DeadlineThread());

    private readonly PriorityQueue<TaskCompletionSource<bool>, long> _due = new();
    private readonly Lock _lock = new();
    private readonly AutoResetEvent _queued = new(initialState: false);

    private DeadlineThread()
    {
        new Thread(Run) { IsBackground = true, Name = "corslab added-latency" }.Start();
    }

    public static DeadlineThread Shared => Instance.Value;

    /// <returns>True at <paramref name="deadline"/> (Stopwatch ticks); false if <paramref name="cancellationToken"/> fires first.</returns>
    public Task<bool> WaitUntilAsync(long deadline, CancellationToken cancellationToken)
    {
        var wait = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (cancellationToken.CanBeCanceled)
        {
            var registration = cancellationToken.Register(() => wait.TrySetResult(false));
            _ = wait.Task.ContinueWith(_ => registration.Dispose(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        lock (_lock)
        {
            _due.Enqueue(wait, deadline);
        }

        _queued.Set();
        return wait.Task;
    }

    private void Run()
    {
        MonotonicSleep.PrepareThread();
        while (true)
        {
            TaskCompletionSource<bool>? next;
            long deadline;
            lock (_lock)
            {
                _due.TryPeek(out next, out deadline);
            }

            if (next is null)
            {
                _queued.WaitOne();
                continue;
            }

            var now = Stopwatch.GetTimestamp();
            if (deadline - now > SpinTail)
            {
                SleepUntil(Math.Min(deadline - SpinTail, now + MaxSlice));
                continue;
            }

            while (Stopwatch.GetTimestamp() < deadline)
            {
                Thread.SpinWait(20);
            }

            lock (_lock)
            {
                _due.Dequeue();
            }

            next.TrySetResult(true);
        }
    }

    private static void SleepUntil(long timestamp)
    {
        if (MonotonicSleep.IsAvailable)
        {
            MonotonicSleep.SleepUntil(timestamp);
        }
        else
        {
            Thread.Sleep(TimeSpan.FromTicks(Math.Max(1, (timestamp - Stopwatch.GetTimestamp()) * TimeSpan.TicksPerSecond / Stopwatch.Frequency)));
        }
    }
}
