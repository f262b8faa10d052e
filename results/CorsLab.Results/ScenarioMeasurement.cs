namespace CorsLab.Results;

/// <summary>
/// One target under one scenario, one repeat: the measured phase only (warm-up samples never mix in).
/// Latencies are microseconds; for open models they count from the intended send time.
/// </summary>
public sealed record ScenarioMeasurement
{
    public required string Target { get; init; }

    public required string Scenario { get; init; }

    /// <summary>0-based; targets are interleaved within a repeat.</summary>
    public int Repeat { get; init; }

    /// <summary><c>corslab</c> (our load engine) or the external driver's name (<c>wrk</c>).</summary>
    public string Driver { get; init; } = DriverNames.Corslab;

    public required LoadModelSettings Model { get; init; }

    public DateTimeOffset StartedUtc { get; init; }

    public double ElapsedSeconds { get; init; }

    /// <summary>False when the phase was cut short (interrupt, failure); its numbers are partial.</summary>
    public bool Complete { get; init; } = true;

    public long Requests { get; init; }

    /// <summary>Requests that ended in an error, by kind (<c>connect</c>, <c>reset</c>, <c>timeout</c>, <c>status-5xx</c>, …).</summary>
    public IReadOnlyDictionary<string, long> Errors { get; init; } = new Dictionary<string, long>();

    public IReadOnlyDictionary<string, long> StatusCounts { get; init; } = new Dictionary<string, long>();

    public long BytesReceived { get; init; }

    public long BytesSent { get; init; }

    public double RequestsPerSecond { get; init; }

    /// <summary>Send (intended, for open models) to last body byte.</summary>
    public required HistogramRecord Latency { get; init; }

    /// <summary>Send to first body byte.</summary>
    public HistogramRecord? FirstByte { get; init; }

    /// <summary>
    /// Open models only: how late the load client's pacer released each request after its intended send time (µs).
    /// Latencies are counted from the intended time, so a late pacer inflates them; absent in older runs.
    /// </summary>
    public HistogramRecord? PacerLateness { get; init; }

    /// <summary>
    /// Open models only: send time − intended time (µs) of the requests a connection was idle for when they were
    /// due: the pacer's lateness plus the hand-off to the connection, all of it the load client's own. Requests
    /// that waited for a busy connection are left out (that wait is the target's, and stays in its latency).
    /// </summary>
    public HistogramRecord? SendLateness { get; init; }

    public IReadOnlyList<SeriesPoint> Series { get; init; } = [];

    /// <summary>The join with the origin's timings; null when the target was not measured through our origin.</summary>
    public ThreePointSummary? ThreePoint { get; init; }

    /// <summary>The target process's resources over the phase, when it is a local process.</summary>
    public ResourceSummary? Resources { get; init; }

    /// <summary>The EventPipe capture of the target process over the phase; null when none was taken (optional).</summary>
    public CaptureSummary? Capture { get; init; }

    /// <summary>The scenario's thresholds evaluated on this measurement; empty when it has none (optional).</summary>
    public IReadOnlyList<ThresholdResult> Thresholds { get; init; } = [];

    /// <summary>Requests of the warm-up phase, which are in no number above (optional; null when not recorded).</summary>
    public long? WarmupRequests { get; init; }

    /// <summary>How long the warm-up ran (optional; null when there was none or in older runs).</summary>
    public double? WarmupSeconds { get; init; }

    /// <summary>
    /// True when the warm-up ended because the target was steady (enough requests for the JIT, two successive
    /// windows agreeing); false when its time bound ran out first, so the measured phase may hold warm-up.
    /// </summary>
    public bool? WarmupSteady { get; init; }

    /// <summary>TCP connections the load client opened over both phases (optional).</summary>
    public long? ClientConnectionsOpened { get; init; }

    /// <summary>Whether the target still answered its health check after the phase (scenarios that ask; optional).</summary>
    public bool? HealthyAfter { get; init; }

    /// <summary>Where the time went inside the engine, from its spans (optional; null when not traced).</summary>
    public StageBreakdown? Stages { get; init; }

    /// <summary>The engine's own metrics over the phase, exported over OTLP at 1 s (optional; empty when not received).</summary>
    public IReadOnlyList<CounterSeries> Counters { get; init; } = [];

    /// <summary>The series of <see cref="Counters"/> named <paramref name="name"/> with <paramref name="statistic"/>; null when not exported.</summary>
    public CounterSeries? Counter(string name, string statistic) =>
        Counters.FirstOrDefault(series => series.Name == name && series.Statistic == statistic);

    /// <summary>Notes on how the figures were obtained, e.g. the external driver's limits (optional).</summary>
    public string? Note { get; init; }
}
