using CorsLab.Diagnostics.Verdict;
using CorsLab.Results;
using ScottPlot;

namespace CorsLab.Reports.Exporters.Plots;

/// <summary>One engine counter per second of each engine's median repeat: where CPU or allocation climbs with the load.</summary>
internal static class CounterPlot
{
    public static Plot? Cpu(ScenarioAnalysis scenario, TargetColors colors) =>
        Create(scenario, colors, CounterNames.CpuTime, "engine CPU per second", "cores", cores => cores);

    public static Plot? Allocation(ScenarioAnalysis scenario, TargetColors colors) =>
        Create(scenario, colors, CounterNames.Allocated, "engine allocation per second", "MiB per second", bytes => bytes / (1024 * 1024));

    private static Plot? Create(ScenarioAnalysis scenario, TargetColors colors, string counter, string what, string yLabel, Func<double, double> scale)
    {
        var series = scenario.AllTargets
            .Select(stats => (stats.Target, Series: stats.Representative.Counter(counter, CounterStatistics.Rate)))
            .Where(entry => entry.Series is { Points.Count: > 1 })
            .Select(entry => (entry.Target, Points: entry.Series!.Points.OrderBy(point => point.Second).ToList()))
            .ToList();
        if (series.Count == 0)
        {
            return null;
        }

        var plot = PlotCanvas.Create($"{scenario.Scenario}: {what}", "second of the measured phase", yLabel);
        foreach (var (target, points) in series)
        {
            var line = plot.Add.ScatterLine(points.Select(point => (double)point.Second).ToArray(), points.Select(point => scale(point.Value)).ToArray(), colors.For(target, direct: false));
            line.LineWidth = 2;
            line.LegendText = target;
        }

        var top = series.SelectMany(entry => entry.Points).Max(point => scale(point.Value));
        plot.Axes.SetLimitsY(0, Math.Max(top, 0.001) * 1.15);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            IntegerTicksOnly = true,
            LabelFormatter = value => value.ToString("0", System.Globalization.CultureInfo.InvariantCulture),
        };
        plot.ShowLegend(Edge.Right);
        return plot;
    }
}
