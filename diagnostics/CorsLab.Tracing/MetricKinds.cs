namespace CorsLab.Tracing;

/// <summary>The OTLP metric types the receiver keeps (<see cref="MetricPointRecord.Kind"/>).</summary>
public static class MetricKinds
{
    public const string Gauge = "gauge";
    public const string Sum = "sum";
    public const string Histogram = "histogram";

    public const string Cumulative = "cumulative";
    public const string Delta = "delta";
}
