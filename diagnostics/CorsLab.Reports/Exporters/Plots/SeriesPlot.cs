using CorsLab.Diagnostics.Verdict;
using CorsLab.Results;
using ScottPlot;

namespace CorsLab.Reports.Exporters.Plots;

/// <summary>Per-second completions and p99 of each target's median repeat: where a stall or a warm-up tail shows.</summary>
internal static class SeriesPlot
{
    public static Plot? Rate(ScenarioAnalysis scenario, TargetColors colors) =>
        Create(scenario, colors, "completions per second", "requests per second", point => point.Requests, log: false);

    public static Plot? P99(ScenarioAnalysis scenario, TargetColors colors) =>
        Create(scenario, colors, "p99 per second", "p99 latency", point => point.P99, log: null);

    /// <param name="log">Null: log when the values span widely.</param>
    private static Plot? Create(ScenarioAnalysis scenario, TargetColors colors, string what, string yLabel, Func<SeriesPoint, double> pick, bool? log)
    {
        var series = scenario.AllTargets
            .Select(stats => (Stats: stats, Points: stats.Representative.Series.OrderBy(point => point.Second).ToList()))
            .Where(entry => entry.Points.Count > 0)
            .ToList();
        if (series.Count == 0)
        {
            return null;
        }

        var plot = PlotCanvas.Create($"{scenario.Scenario}: {what}", "second of the measured phase", yLabel);
        var values = series.SelectMany(entry => entry.Points.Select(pick)).ToList();
        var useLog = log ?? PlotCanvas.WantsLog(values);
        foreach (var (stats, points) in series)
        {
            var xs = points.Select(point => (double)point.Second).ToArray();
            var ys = points.Select(point => useLog ? PlotCanvas.Log(pick(point)) : pick(point)).ToArray();
            var line = plot.Add.ScatterLine(xs, ys, colors.For(stats.Target, stats.IsDirect));
            line.LineWidth = 2;
            line.LegendText = stats.IsDirect ? $"{stats.Target} (reference)" : stats.Target;
            if (stats.IsDirect)
            {
                line.LinePattern = LinePattern.Dashed;
            }
        }

        var isLatency = log is null;
        if (useLog)
        {
            PlotCanvas.LogAxis(plot, PlotCanvas.Log(values.Where(v => v > 0).DefaultIfEmpty(1).Min()), PlotCanvas.Log(values.Max()) + 0.05, isLatency ? Format.MicrosTick : Format.Rate);
        }
        else
        {
            if (isLatency)
            {
                PlotCanvas.MicrosAxis(plot);
            }

            plot.Axes.SetLimitsY(0, Math.Max(1, values.Max()) * 1.1);
        }

        plot.Axes.SetLimitsX(series.Min(entry => entry.Points[0].Second) - 0.5, series.Max(entry => entry.Points[^1].Second) + 0.5);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            IntegerTicksOnly = true,
            LabelFormatter = value => value.ToString("0", System.Globalization.CultureInfo.InvariantCulture),
        };
        plot.ShowLegend(Edge.Right);
        return plot;
    }
}
