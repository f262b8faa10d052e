namespace CorsLab.Tracing;

/// <summary>
/// One data point of an exported metric as a line of <c>metrics.jsonl</c>: a gauge's or sum's value, or a
/// histogram's count and sum (its buckets are not kept; the lab reads rates and means). Times are Unix nanoseconds.
/// </summary>
public sealed record MetricPointRecord
{
    public required string Name { get; init; }

    public string? Unit { get; init; }

    /// <summary><see cref="MetricKinds"/>.</summary>
    public required string Kind { get; init; }

    /// <summary>Sums and histograms: <c>cumulative</c> (the .NET SDK's default) or <c>delta</c>.</summary>
    public string? Temporality { get; init; }

    /// <summary>Sums: whether the value only grows (a counter) or goes both ways (an up-down counter).</summary>
    public bool Monotonic { get; init; }

    public ulong StartUnixNs { get; init; }

    public ulong TimeUnixNs { get; init; }

    /// <summary>The resource's <c>service.name</c>.</summary>
    public string? Service { get; init; }

    /// <summary>The resource's <c>process.pid</c>, when the exporter sets it (the lab's engines do).</summary>
    public int? Pid { get; init; }

    /// <summary>The instrumentation scope: the meter's name.</summary>
    public string? Scope { get; init; }

    public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>();

    /// <summary>Gauges and sums.</summary>
    public double? Value { get; init; }

    /// <summary>Histograms: how many values were recorded.</summary>
    public ulong? Count { get; init; }

    /// <summary>Histograms: the total of the recorded values.</summary>
    public double? Sum { get; init; }
}
