using System.Threading.Channels;
using CorsLab.Load.Engine;
using HdrHistogram;

namespace CorsLab.Load.Pacing;

/// <summary>
/// The open model's one pacing loop, on its own thread: waits until ticket k is due (the schedule's offset from
/// the phase start), then hands it to whichever connection is idle. Connections never wait on timers themselves,
/// so a request's latency, counted from <see cref="PacedTicket.Due"/>, holds no timer lateness of the lab's; what
/// lateness the pacer itself has is recorded (µs, release − due) so a phase can say whether to trust it.
/// A ticket no connection is free for waits in the channel: that wait is the target's stall and stays in its latency.
/// </summary>
internal sealed class Pacer(PacerClock clock, RateSchedule schedule, long started, double durationSeconds, long maxRequests)
{
    private static readonly long TicksPerMicrosecond = Math.Max(1, System.Diagnostics.Stopwatch.Frequency / 1_000_000);

    public LongHistogram Lateness { get; } = new(1, TimeSpan.FromMinutes(10).Ticks / 10, 3);

    /// <summary>Releases every ticket of the phase, then completes <paramref name="tickets"/>. Blocks: run it on its own thread.</summary>
    public void Run(ChannelWriter<PacedTicket> tickets, CancellationToken cancellationToken)
    {
        clock.PrepareThread();
        try
        {
            for (long ticket = 0; ticket < maxRequests && !cancellationToken.IsCancellationRequested; ticket++)
            {
                var offset = schedule.OffsetSeconds(ticket);
                if (offset >= durationSeconds)
                {
                    return;
                }

                var due = started + (long)(offset * System.Diagnostics.Stopwatch.Frequency);
                if (clock.GetTimestamp() < due)
                {
                    clock.SleepUntil(due, cancellationToken);
                }

                var released = clock.GetTimestamp();
                Lateness.RecordValue(Math.Max(1, (released - due) / TicksPerMicrosecond));
                tickets.TryWrite(new PacedTicket(ticket, due));
            }
        }
        finally
        {
            tickets.TryComplete();
        }
    }

    /// <summary>Starts <see cref="Run"/> on a dedicated background thread; the task ends when the phase's last ticket is out.</summary>
    public Task Start(ChannelWriter<PacedTicket> tickets, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                Run(tickets, cancellationToken);
                done.SetResult();
            }
            catch (Exception error)
            {
                // Not handled here: handed to the phase, which awaits this task.
                done.SetException(error);
            }
        })
        {
            IsBackground = true,
            Name = "corslab pacer",
        };
        thread.Start();
        return done.Task;
    }
}
