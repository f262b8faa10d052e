namespace CorsLab.Reports.Exporters.Plots;

/// <summary>One rendered plot: where it goes beside the report, what it shows, and the SVG itself.</summary>
internal sealed record PlotFile(string Scenario, PlotKind Kind, string FileName, string Caption, string Svg);

internal enum PlotKind
{
    Latency,
    Throughput,
    FirstByteGap,
    RateSeries,
    P99Series,
}
