namespace CorsLab.Reports.Exporters.Plots;

/// <summary>One rendered plot: where it goes beside the report, what it shows, and the SVG itself. <see cref="Scenario"/> is empty for the run-wide overview.</summary>
internal sealed record PlotFile(string Scenario, PlotKind Kind, string FileName, string Caption, string Svg);

internal enum PlotKind
{
    /// <summary>Run-wide: every target against direct, one group per scenario (<see cref="OverviewPlot"/>).</summary>
    Overview,
    Latency,
    Throughput,
    FirstByteGap,

    /// <summary>The median and p99 request of each target above direct's (<see cref="WaterfallPlot"/>).</summary>
    Waterfall,
    RateSeries,
    P99Series,

    /// <summary>Engine counters per second (<see cref="CounterPlot"/>).</summary>
    CpuSeries,
    AllocationSeries,
}
