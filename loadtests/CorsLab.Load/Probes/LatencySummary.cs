namespace CorsLab.Load.Probes;

/// <summary>Percentiles of one target's sequential requests, in microseconds; errors counted apart.</summary>
public sealed record LatencySummary(string Target, int Requests, int Errors, double P50Micros, double P90Micros, double P99Micros, double MaxMicros);
