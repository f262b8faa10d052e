namespace CorsLab.Results;

/// <summary>
/// One of an engine's exported metrics over a measured phase, a point per export (1 s), all its attributes summed:
/// a counter as its rate, an up-down counter or gauge as its value, a histogram as its rate and its mean.
/// </summary>
/// <param name="Name">The metric's name as exported (OpenTelemetry semantic conventions: <c>dotnet.process.cpu.time</c>, …).</param>
/// <param name="Statistic"><see cref="CounterStatistics"/>.</param>
/// <param name="Unit">The unit of the points: a rate's is the metric's per second (<c>s/s</c>, <c>By/s</c>).</param>
public sealed record CounterSeries(string Name, string Statistic, string Unit, IReadOnlyList<CounterPoint> Points)
{
    /// <summary>The mean of the points; null without any.</summary>
    public double? Mean() => Points.Count > 0 ? Points.Average(point => point.Value) : null;

    /// <summary>The largest point; null without any.</summary>
    public double? Peak() => Points.Count > 0 ? Points.Max(point => point.Value) : null;
}

public static class CounterStatistics
{
    /// <summary>A counter's (or a histogram's count's) increase per second.</summary>
    public const string Rate = "rate";

    /// <summary>An up-down counter's or gauge's value at the export.</summary>
    public const string Value = "value";

    /// <summary>A histogram's mean recorded value over the export's interval.</summary>
    public const string Mean = "mean";
}
