namespace CorsLab.Results;

/// <summary>A scenario threshold evaluated on one measurement: <c>Actual Operator Limit</c> held or not.</summary>
/// <param name="Metric">See <c>CorsLab.Load.Scenarios.ThresholdMetrics</c>: <c>error-rate</c>, <c>p50-ms</c>, <c>p99-ms</c>, <c>first-byte-p50-ms</c>, <c>first-byte-p99-ms</c>, <c>rps</c>, <c>healthy-after</c>.</param>
/// <param name="Operator"><c>&lt;=</c> or <c>&gt;=</c>.</param>
public sealed record ThresholdResult(string Metric, string Operator, double Limit, double Actual, bool Passed);
