using CorsLab.Results;

namespace CorsLab.Load.Engine;

/// <summary>What one phase measured, ready for run.json (latencies µs).</summary>
public sealed record PhaseResult(
    LoadPhase Phase,
    string IdTag,
    bool Complete,
    TimeSpan Elapsed,
    long Requests,
    IReadOnlyDictionary<string, long> Errors,
    IReadOnlyDictionary<string, long> StatusCounts,
    long BytesReceived,
    long BytesSent,
    HistogramRecord Latency,
    HistogramRecord FirstByte,
    IReadOnlyList<SeriesPoint> Series,
    IReadOnlyList<ClientSample> JoinSample)
{
    /// <summary>Open models: how late the pacer released each request (µs); null for closed models.</summary>
    public HistogramRecord? PacerLateness { get; init; }

    /// <summary>Open models: how late requests went out (µs) when a connection was idle at their due time; null for closed models.</summary>
    public HistogramRecord? SendLateness { get; init; }

    public long ErrorCount => Errors.Values.Sum();

    public double RequestsPerSecond => Elapsed.TotalSeconds > 0 ? Requests / Elapsed.TotalSeconds : 0;
}
