using System.Diagnostics;
using System.Threading.Channels;
using CorsLab.Load.Engine;
using CorsLab.Load.Pacing;
using HdrHistogram;

namespace CorsLab.Load.Tests;

/// <summary>The open model's pacing on a virtual clock: when each ticket goes, what lateness is recorded, when it stops.</summary>
public sealed class PacerTests
{
    private const long Start = 1_000_000;

    [Fact]
    public void ConstantRate_ReleasesEachTicketAtItsDueTime_InOrder()
    {
        var clock = new VirtualClock(Start);
        var released = Run(clock, new RateSchedule(1000, 1000, 1), durationSeconds: 0.01, maxRequests: 1000, out var pacer);

        Assert.Equal(Enumerable.Range(0, 10).Select(k => (long)k), released.Select(t => t.Ticket));
        Assert.Equal(Enumerable.Range(0, 10).Select(k => Start + (k * Stopwatch.Frequency / 1000)), released.Select(t => t.Due));
        Assert.Equal(released.Skip(1).Select(t => t.Due), clock.ReleasedAt);
        Assert.Equal(1, pacer.Lateness.GetMaxValue());
    }

    [Fact]
    public void LateWakeUps_AreRecordedAsLateness_NotHidden()
    {
        var clock = new VirtualClock(Start) { WakeLate = 50 * Stopwatch.Frequency / 1_000_000 };
        Run(clock, new RateSchedule(100, 100, 1), durationSeconds: 0.1, maxRequests: 1000, out var pacer);

        // The first ticket is due at the start (no sleep, 1 µs: the histogram's floor); every later one wakes 50 µs late.
        Assert.Equal(10, pacer.Lateness.TotalCount);
        Assert.InRange(pacer.Lateness.GetValueAtPercentile(50), 49, 51);
        Assert.InRange(pacer.Lateness.GetMaxValue(), 49, 51);
    }

    [Fact]
    public void MaxRequests_StopsThePhase_AndCompletesTheChannel()
    {
        var released = Run(new VirtualClock(Start), new RateSchedule(1000, 1000, 10), durationSeconds: 10, maxRequests: 25, out _);

        Assert.Equal(25, released.Count);
    }

    [Fact]
    public void Ramp_DueTimesNeverGoBackwards_AndFollowTheSchedule()
    {
        var schedule = new RateSchedule(100, 1000, 1);
        var released = Run(new VirtualClock(Start), schedule, durationSeconds: 1, maxRequests: 100_000, out _);

        Assert.Equal((int)Math.Ceiling(schedule.CountAt(1)), released.Count);
        Assert.True(released.Zip(released.Skip(1)).All(pair => pair.Second.Due >= pair.First.Due));
    }

    [Fact]
    public void Cancelled_StopsReleasing_AndCompletesTheChannel()
    {
        using var cancel = new CancellationTokenSource();
        var clock = new VirtualClock(Start) { OnSleep = count => { if (count == 5) { cancel.Cancel(); } } };
        var tickets = Channel.CreateUnbounded<PacedTicket>();
        var pacer = new Pacer(clock, new RateSchedule(1000, 1000, 10), Start, 10, 1_000_000);

        pacer.Run(tickets.Writer, cancel.Token);

        Assert.InRange(Drain(tickets.Reader).Count, 5, 6);
    }

    /// <summary>Every released ticket; the channel must be complete once they are read (the pacer closed it).</summary>
    private static List<PacedTicket> Drain(ChannelReader<PacedTicket> reader)
    {
        var released = new List<PacedTicket>();
        while (reader.TryRead(out var ticket))
        {
            released.Add(ticket);
        }

        Assert.True(reader.Completion.IsCompleted);
        return released;
    }

    private static List<PacedTicket> Run(VirtualClock clock, RateSchedule schedule, double durationSeconds, long maxRequests, out Pacer pacer)
    {
        var tickets = Channel.CreateUnbounded<PacedTicket>();
        pacer = new Pacer(clock, schedule, Start, durationSeconds, maxRequests);
        pacer.Run(tickets.Writer, CancellationToken.None);
        var released = Drain(tickets.Reader);
        return released;
    }

    /// <summary>Time moves only when the pacer sleeps: to the deadline, plus <see cref="WakeLate"/>.</summary>
    private sealed class VirtualClock(long now) : PacerClock
    {
        private long _now = now;
        private int _sleeps;

        public long WakeLate { get; init; }

        public Action<int>? OnSleep { get; init; }

        public List<long> ReleasedAt { get; } = [];

        public override long GetTimestamp() => _now;

        public override void SleepUntil(long timestamp, CancellationToken cancellationToken)
        {
            _now = Math.Max(_now, timestamp + WakeLate);
            ReleasedAt.Add(_now);
            OnSleep?.Invoke(++_sleeps);
        }
    }
}
