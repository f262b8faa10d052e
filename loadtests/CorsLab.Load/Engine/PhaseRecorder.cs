using System.Diagnostics;
using CorsLab.Results;
using HdrHistogram;

namespace CorsLab.Load.Engine;

/// <summary>
/// Everything one phase records, shared by its connections without locks on the hot path: concurrent
/// HdrHistograms (µs), counters, one small histogram per second for the series, and the bounded join sample.
/// A phase has its own recorder, so warm-up and measured samples never mix.
/// </summary>
public sealed class PhaseRecorder
{
    /// <summary>A series longer than this folds its tail into the last point (an hour at one point a second).</summary>
    private const int MaxSeriesSeconds = 3600;

    private static readonly long TicksPerMicrosecond = Math.Max(1, Stopwatch.Frequency / 1_000_000);
    private static readonly long HighestMicroseconds = TimeSpan.FromHours(1).Ticks / 10;

    private readonly LongConcurrentHistogram _latency = new(1, HighestMicroseconds, 3);
    private readonly LongConcurrentHistogram _firstByte = new(1, HighestMicroseconds, 3);
    private readonly LongConcurrentHistogram _sendLateness = new(1, HighestMicroseconds, 3);
    private readonly LongConcurrentHistogram?[] _seconds;
    private readonly long[] _secondRequests;
    private readonly long[] _secondErrors;
    private readonly long[] _status = new long[600];
    private readonly long[] _errors = new long[ErrorKinds.Count];
    private readonly JoinSample _sample;
    private long _requests;
    private long _failed;
    private long _bytesReceived;
    private long _bytesSent;
    private long _finished;

    internal PhaseRecorder(LoadPhase phase, string idTag, long started, TimeSpan duration, int joinCapacity)
    {
        Phase = phase;
        IdTag = idTag;
        Started = started;
        var seconds = (int)Math.Clamp(Math.Ceiling(duration.TotalSeconds) + 1, 1, MaxSeriesSeconds);
        _seconds = new LongConcurrentHistogram?[seconds];
        _secondRequests = new long[seconds];
        _secondErrors = new long[seconds];
        _sample = new JoinSample(joinCapacity);
    }

    public LoadPhase Phase { get; }

    /// <summary>The prefix of every <c>x-corslab-id</c> of this phase; the ticket number follows.</summary>
    public string IdTag { get; }

    /// <summary>Stopwatch ticks at the phase start.</summary>
    public long Started { get; }

    /// <summary>Requests completed so far (responses and errors).</summary>
    public long Requests => Volatile.Read(ref _requests);

    public long Errors => Volatile.Read(ref _failed);

    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(Started, Volatile.Read(ref _finished) is var end and > 0 ? end : Stopwatch.GetTimestamp());

    public static string IdOf(string idTag, long ticket) => idTag + ticket.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <param name="idleAtDue">Open models: a connection was idle when the request was due, so any delay before it went out is the load client's own.</param>
    internal void Record(long ticket, long intended, in RequestOutcome outcome, bool idleAtDue = false)
    {
        if (idleAtDue && outcome.Sent != 0)
        {
            _sendLateness.RecordValue(Math.Clamp((outcome.Sent - intended) / TicksPerMicrosecond, 1, HighestMicroseconds));
        }

        var end = outcome.LastByte != 0 ? outcome.LastByte : Stopwatch.GetTimestamp();
        var second = (int)Math.Clamp((end - Started) / Stopwatch.Frequency, 0, _seconds.Length - 1);
        Interlocked.Increment(ref _requests);
        Interlocked.Increment(ref _secondRequests[second]);
        Interlocked.Add(ref _bytesSent, outcome.BytesSent);
        Interlocked.Add(ref _bytesReceived, outcome.BytesReceived);
        if (outcome.Status is >= 100 and < 600)
        {
            Interlocked.Increment(ref _status[outcome.Status]);
        }

        var failed = outcome.Error != ErrorKind.None;
        if (failed)
        {
            Interlocked.Increment(ref _failed);
            Interlocked.Increment(ref _secondErrors[second]);
            Interlocked.Increment(ref _errors[(int)outcome.Error]);
        }

        if (outcome.LastByte != 0)
        {
            // Open models measure from the intended send time (coordinated omission corrected); a send the
            // timer let go early counts from when it really went.
            var from = Math.Min(intended, outcome.Sent);
            var micros = Math.Clamp((outcome.LastByte - from) / TicksPerMicrosecond, 1, HighestMicroseconds);
            _latency.RecordValue(micros);
            _firstByte.RecordValue(Math.Clamp((outcome.FirstByte - from) / TicksPerMicrosecond, 1, HighestMicroseconds));
            SecondHistogram(second).RecordValue(micros);
        }

        if (outcome.Sent != 0)
        {
            _sample.Add(new ClientSample(ticket, outcome.Connection, outcome.Sent, outcome.BodySent, outcome.FirstByte, outcome.LastByte, outcome.Status, failed));
        }
    }

    internal void Finish() => Volatile.Write(ref _finished, Stopwatch.GetTimestamp());

    /// <summary>Open models: the pacer's lateness (release − due, µs), set when the phase ends.</summary>
    internal HistogramRecord? PacerLateness { get; set; }

    internal PhaseResult ToResult(bool complete)
    {
        var elapsed = Elapsed;
        var statuses = new Dictionary<string, long>();
        for (var status = 0; status < _status.Length; status++)
        {
            if (_status[status] > 0)
            {
                statuses[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] = _status[status];
            }
        }

        var errors = new Dictionary<string, long>();
        for (var kind = 1; kind < _errors.Length; kind++)
        {
            if (_errors[kind] > 0)
            {
                errors[ErrorKinds.Name((ErrorKind)kind)] = _errors[kind];
            }
        }

        var lastSecond = (int)Math.Clamp(Math.Ceiling(elapsed.TotalSeconds), 1, _seconds.Length);
        var series = new List<SeriesPoint>(lastSecond);
        for (var second = 0; second < lastSecond; second++)
        {
            var histogram = _seconds[second];
            var any = histogram is { TotalCount: > 0 };
            series.Add(new SeriesPoint(
                second,
                _secondRequests[second],
                _secondErrors[second],
                any ? histogram!.GetValueAtPercentile(50) : 0,
                any ? histogram!.GetValueAtPercentile(99) : 0));
        }

        return new PhaseResult(
            Phase,
            IdTag,
            complete,
            elapsed,
            Requests,
            errors,
            statuses,
            Interlocked.Read(ref _bytesReceived),
            Interlocked.Read(ref _bytesSent),
            HistogramRecords.From(_latency),
            HistogramRecords.From(_firstByte),
            series,
            _sample.ToArray())
        {
            PacerLateness = PacerLateness,
            SendLateness = _sendLateness.TotalCount > 0 ? HistogramRecords.From(_sendLateness) : null,
        };
    }

    private LongConcurrentHistogram SecondHistogram(int second)
    {
        var histogram = Volatile.Read(ref _seconds[second]);
        if (histogram is not null)
        {
            return histogram;
        }

        // Two significant digits are plenty for a per-second p50/p99 and keep each second at ~26 KB.
        var created = new LongConcurrentHistogram(1, HighestMicroseconds, 2);
        return Interlocked.CompareExchange(ref _seconds[second], created, null) ?? created;
    }
}
