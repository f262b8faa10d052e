using CorsLab.Diagnostics.Verdict;
using ScottPlot;

namespace CorsLab.Reports.Exporters.Plots;

/// <summary>Each target's latency percentile curve (all repeats merged) on the nines scale, direct dashed grey.</summary>
internal static class LatencyPlot
{
    public static Plot? Create(ScenarioAnalysis scenario, TargetColors colors)
    {
        var curves = scenario.AllTargets
            .Select(stats => (Stats: stats, Curve: PercentileCurve.From(stats.Target, stats.Merged)))
            .Where(entry => entry.Curve.Points.Count > 0)
            .ToList();
        if (curves.Count == 0)
        {
            return null;
        }

        var plot = PlotCanvas.Create($"{scenario.Scenario}: latency by percentile", "percentile", "latency");
        var values = curves.SelectMany(entry => entry.Curve.Points.Select(point => point.Micros)).ToList();
        var log = PlotCanvas.WantsLog(values);
        foreach (var (stats, curve) in curves)
        {
            var xs = curve.Points.Select(point => point.Nines).ToArray();
            var ys = curve.Points.Select(point => log ? PlotCanvas.Log(point.Micros) : point.Micros).ToArray();
            var line = plot.Add.ScatterLine(xs, ys, colors.For(stats.Target, stats.IsDirect));
            line.LineWidth = 2;
            line.LegendText = stats.IsDirect ? $"{stats.Target} (reference)" : stats.Target;
            if (stats.IsDirect)
            {
                line.LinePattern = LinePattern.Dashed;
            }
        }

        PlotCanvas.NinesAxis(plot, curves.Max(entry => entry.Curve.Points[^1].Nines));
        if (log)
        {
            PlotCanvas.LogAxis(plot, PlotCanvas.Log(values.Where(v => v > 0).DefaultIfEmpty(1).Min()), PlotCanvas.Log(values.Max()) + 0.05, Format.MicrosTick);
        }
        else
        {
            PlotCanvas.MicrosAxis(plot);
            plot.Axes.SetLimitsY(0, values.Max() * 1.05);
        }

        plot.ShowLegend(Edge.Right);
        return plot;
    }
}
