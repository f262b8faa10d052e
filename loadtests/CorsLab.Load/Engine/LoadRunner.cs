using System.Diagnostics;
using System.Threading.Channels;
using CorsLab.Load.Pacing;
using CorsLab.Results;

namespace CorsLab.Load.Engine;

/// <summary>
/// Runs a <see cref="LoadModel"/> against a list of requests (rotated by ticket) over a fixed pool of
/// keep-alive connections: the warm-up phase, then the measured phase, on the same connections.
/// <code>
///  open (constant-rate, ramp-rate)        closed (concurrency, max)
///  one pacer thread releases ticket k     ticket k taken when a connection is free
///  at schedule(k) (Pacing/Pacer);         send, wait for the response, repeat
///  a free connection takes it and sends;
///  when every connection is busy, due
///  tickets wait and their latency (from
///  the due time) shows the stall
/// </code>
/// Every phase stops by itself: no ticket is issued past its duration or its <see cref="LoadModel.MaxRequests"/>,
/// and a request in flight ends within <see cref="LoadModel.RequestTimeout"/>.
/// </summary>
public sealed class LoadRunner
{
    /// <summary>Requests kept per phase for the three-point join; 5 000 × 56 bytes.</summary>
    public const int DefaultJoinCapacity = 5_000;

    /// <summary>After a refused connect a closed-model connection pauses this long, so a dead target is not spun on.</summary>
    private static readonly TimeSpan ConnectBackoff = TimeSpan.FromMilliseconds(5);

    private readonly IReadOnlyList<RequestSpec> _requests;
    private readonly LoadModel _model;
    private readonly int _joinCapacity;
    private readonly PacerClock _clock;

    /// <param name="clock">The open models' pacing clock; <see cref="PacerClock.System"/> when null.</param>
    public LoadRunner(IReadOnlyList<RequestSpec> requests, LoadModel model, int joinCapacity = DefaultJoinCapacity, PacerClock? clock = null)
    {
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentNullException.ThrowIfNull(model);
        if (requests.Count == 0)
        {
            throw new ArgumentException("at least one request", nameof(requests));
        }

        if (requests.Any(r => !LoadEndpoint.SameEndpoint(r.Url, requests[0].Url)))
        {
            throw new ArgumentException("every request of a run must go to the same scheme, host and port", nameof(requests));
        }

        _requests = requests;
        _model = model.Validate();
        _joinCapacity = joinCapacity;
        _clock = clock ?? PacerClock.System;
    }

    /// <summary>Runs both phases. Cancellation stops at once: the result is returned with <see cref="PhaseResult.Complete"/> false.</summary>
    public async Task<LoadRunResult> RunAsync(ILoadObserver? observer, CancellationToken cancellationToken)
    {
        var endpoint = await LoadEndpoint.ResolveAsync(_requests[0].Url, cancellationToken);
        var tag = Convert.ToHexStringLower(BitConverter.GetBytes(Random.Shared.Next()));
        var counter = new ConnectionCounter();
        var connections = new LoadConnection[_model.Connections];
        for (var i = 0; i < connections.Length; i++)
        {
            connections[i] = new LoadConnection(endpoint, counter, _model.RequestTimeout, cancellationToken);
        }

        try
        {
            var warmup = _model.Warmup > TimeSpan.Zero ? await WarmUpAsync(tag + "w", connections, observer, cancellationToken) : null;

            var schedule = new RateSchedule(_model.Rate ?? 0, _model.RateTo ?? _model.Rate ?? 0, _model.Duration.TotalSeconds);
            var measured = cancellationToken.IsCancellationRequested && warmup is not null
                ? new PhaseRecorder(LoadPhase.Measured, tag + "m", System.Diagnostics.Stopwatch.GetTimestamp(), _model.Duration, 1).ToResult(complete: false)
                : await RunPhaseAsync(LoadPhase.Measured, tag + "m", _model.Duration, schedule, connections, observer, cancellationToken);
            return new LoadRunResult(warmup, measured, counter.Opened);
        }
        finally
        {
            foreach (var connection in connections)
            {
                await connection.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// Warm-up windows on the measured phase's connections until <see cref="SteadyState"/> holds or the model's
    /// warm-up time (its bound) or request budget is spent.
    /// </summary>
    private async Task<WarmupResult> WarmUpAsync(string idTag, LoadConnection[] connections, ILoadObserver? observer, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var rate = _model.Rate ?? 0;
        long requests = 0;
        var windows = 0;
        PhaseResult? previous = null;
        while (!cancellationToken.IsCancellationRequested && requests < _model.MaxRequests)
        {
            var left = _model.Warmup - Stopwatch.GetElapsedTime(started);
            if (left <= TimeSpan.Zero)
            {
                break;
            }

            var window = left < SteadyState.Window ? left : SteadyState.Window;
            var last = await RunPhaseAsync(
                LoadPhase.Warmup, $"{idTag}{windows}-", window, new RateSchedule(rate, rate, window.TotalSeconds), connections, windows == 0 ? observer : null, cancellationToken, _model.MaxRequests - requests);
            windows++;
            requests += last.Requests;
            if (previous is not null && SteadyState.Reached(_model.IsOpen, requests, previous, last))
            {
                return new WarmupResult(requests, Stopwatch.GetElapsedTime(started), Steady: true, windows, idTag);
            }

            previous = last;
        }

        return new WarmupResult(requests, Stopwatch.GetElapsedTime(started), Steady: false, windows, idTag);
    }

    private async Task<PhaseResult> RunPhaseAsync(
        LoadPhase phase, string idTag, TimeSpan duration, RateSchedule schedule, LoadConnection[] connections, ILoadObserver? observer, CancellationToken cancellationToken, long? maxRequests = null)
    {
        var limit = maxRequests ?? _model.MaxRequests;
        var encoded = _requests.Select(r => new EncodedRequest(r, idTag)).ToArray();
        var started = Stopwatch.GetTimestamp();
        var recorder = new PhaseRecorder(phase, idTag, started, duration, _joinCapacity);
        observer?.PhaseStarted(recorder);
        var state = new PhaseState(recorder, encoded, started + (long)(duration.TotalSeconds * Stopwatch.Frequency), limit, cancellationToken);
        var workers = new Task[connections.Length + (_model.IsOpen ? 1 : 0)];
        Pacer? pacer = null;
        if (_model.IsOpen)
        {
            var tickets = Channel.CreateUnbounded<PacedTicket>(new UnboundedChannelOptions { SingleWriter = true });
            pacer = new Pacer(_clock, schedule, started, duration.TotalSeconds, limit);
            workers[^1] = pacer.Start(tickets.Writer, cancellationToken);
            for (var i = 0; i < connections.Length; i++)
            {
                var connection = connections[i];
                workers[i] = Task.Run(() => OpenWorkerAsync(connection, tickets.Reader, state), CancellationToken.None);
            }
        }
        else
        {
            for (var i = 0; i < connections.Length; i++)
            {
                var connection = connections[i];
                workers[i] = Task.Run(() => ClosedWorkerAsync(connection, state), CancellationToken.None);
            }
        }

        await Task.WhenAll(workers);
        recorder.Finish();
        if (pacer is not null)
        {
            recorder.PacerLateness = HistogramRecords.From(pacer.Lateness);
        }

        return recorder.ToResult(complete: !cancellationToken.IsCancellationRequested);
    }

    private static async Task ClosedWorkerAsync(LoadConnection connection, PhaseState state)
    {
        while (!state.Cancellation.IsCancellationRequested)
        {
            var ticket = state.TakeTicket();
            var now = Stopwatch.GetTimestamp();
            if (ticket >= state.MaxRequests || now >= state.End)
            {
                return;
            }

            var outcome = await connection.SendAsync(state.Request(ticket), ticket);
            state.Recorder.Record(ticket, outcome.Sent != 0 ? outcome.Sent : now, outcome);
            if (outcome.Error == ErrorKind.Connect)
            {
                await Task.Delay(ConnectBackoff, CancellationToken.None);
            }
        }
    }

    private static async Task OpenWorkerAsync(LoadConnection connection, ChannelReader<PacedTicket> tickets, PhaseState state)
    {
        try
        {
            var idleSince = Stopwatch.GetTimestamp();
            while (await tickets.WaitToReadAsync(state.Cancellation))
            {
                while (tickets.TryRead(out var paced))
                {
                    var outcome = await connection.SendAsync(state.Request(paced.Ticket), paced.Ticket);

                    // Only a ticket this connection was already idle for measures the lab: a later pickup is the target's stall.
                    state.Recorder.Record(paced.Ticket, paced.Due, outcome, idleAtDue: idleSince <= paced.Due);
                    idleSince = Stopwatch.GetTimestamp();
                }
            }
        }
        catch (OperationCanceledException) when (state.Cancellation.IsCancellationRequested)
        {
            // Interrupted: the phase ends incomplete, with what was recorded.
        }
    }

    private sealed class PhaseState(
        PhaseRecorder recorder, EncodedRequest[] requests, long end, long maxRequests, CancellationToken cancellation)
    {
        private long _next = -1;

        public PhaseRecorder Recorder { get; } = recorder;

        public long End { get; } = end;

        public long MaxRequests { get; } = maxRequests;

        public CancellationToken Cancellation { get; } = cancellation;

        public long TakeTicket() => Interlocked.Increment(ref _next);

        public EncodedRequest Request(long ticket) => requests[ticket % requests.Length];
    }
}
