using CorsLab.Results;

namespace CorsLab.Load.Scenarios;

/// <summary>A pass/fail bound on one metric of a measurement, as data (NBomber's thresholds): <c>p99-ms &lt;= 50</c>.</summary>
public sealed record Threshold(string Metric, string Operator, double Limit)
{
    public static Threshold AtMost(string metric, double limit) => new(metric, "<=", limit);

    public static Threshold AtLeast(string metric, double limit) => new(metric, ">=", limit);

    public override string ToString() => $"{Metric} {Operator} {Limit}";

    /// <summary>Evaluates against a measurement; a metric the measurement lacks fails with <see cref="double.NaN"/> as actual.</summary>
    public ThresholdResult Evaluate(ScenarioMeasurement measurement)
    {
        ArgumentNullException.ThrowIfNull(measurement);
        var actual = ThresholdMetrics.Read(Metric, measurement);
        var passed = !double.IsNaN(actual) && (Operator == "<=" ? actual <= Limit : actual >= Limit);
        return new ThresholdResult(Metric, Operator, Limit, double.IsNaN(actual) ? -1 : actual, passed);
    }
}

/// <summary>The metric names thresholds can use.</summary>
public static class ThresholdMetrics
{
    /// <summary>Errors / requests, 0–1.</summary>
    public const string ErrorRate = "error-rate";

    public const string P50Ms = "p50-ms";
    public const string P99Ms = "p99-ms";
    public const string FirstByteP50Ms = "first-byte-p50-ms";
    public const string FirstByteP99Ms = "first-byte-p99-ms";
    public const string RequestsPerSecond = "rps";

    /// <summary>1 when the target answered its health check after the phase, else 0.</summary>
    public const string HealthyAfter = "healthy-after";

    public static double Read(string metric, ScenarioMeasurement m) => metric switch
    {
        ErrorRate => m.Requests > 0 ? (double)m.Errors.Values.Sum() / m.Requests : double.NaN,
        P50Ms => m.Latency.Count > 0 ? m.Latency.P50 / 1000 : double.NaN,
        P99Ms => m.Latency.Count > 0 ? m.Latency.P99 / 1000 : double.NaN,
        FirstByteP50Ms => m.FirstByte is { Count: > 0 } f ? f.P50 / 1000 : double.NaN,
        FirstByteP99Ms => m.FirstByte is { Count: > 0 } f ? f.P99 / 1000 : double.NaN,
        RequestsPerSecond => m.RequestsPerSecond,
        HealthyAfter => m.HealthyAfter is { } healthy ? (healthy ? 1 : 0) : double.NaN,
        _ => throw new ArgumentException($"unknown threshold metric '{metric}'", nameof(metric)),
    };
}
