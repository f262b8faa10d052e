namespace CorsLab.Results;

/// <summary>
/// A latency distribution: the exact HdrHistogram (compressed, base64, as HdrHistogram's own log encoding) so
/// percentiles can be recomputed and histograms merged, plus the usual percentiles for readers. Microseconds.
/// </summary>
public sealed record HistogramRecord(
    long Count,
    double P50,
    double P90,
    double P99,
    double P999,
    double Max,
    double Mean,
    string Encoded);
