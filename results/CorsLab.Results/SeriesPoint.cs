namespace CorsLab.Results;

/// <summary>One second of a measured phase: completions, errors and latency percentiles (µs) in that second.</summary>
public sealed record SeriesPoint(int Second, long Requests, long Errors, double P50, double P99);
