using CorsLab.Diagnostics.Verdict;
using ScottPlot;

namespace CorsLab.Reports.Exporters.Plots;

/// <summary>Requests per second per target, ranked order, the direct reference first in grey and as a dashed line.</summary>
internal static class ThroughputPlot
{
    public static Plot? Create(ScenarioAnalysis scenario, TargetColors colors)
    {
        var targets = scenario.AllTargets.ToList();
        if (targets.Count == 0 || targets.All(stats => stats.Throughput.Count == 0))
        {
            return null;
        }

        var plot = PlotCanvas.Create($"{scenario.Scenario}: throughput", "", "requests per second");
        var bars = targets.Select((stats, index) => new Bar
        {
            Position = index,
            Value = stats.Throughput.Median,
            FillColor = colors.For(stats.Target, stats.IsDirect),
            Label = Format.Rate(stats.Throughput.Median),
        }).ToArray();
        var barPlot = plot.Add.Bars(bars);
        barPlot.ValueLabelStyle.FontSize = 12;

        for (var index = 0; index < targets.Count; index++)
        {
            var spread = targets[index].Throughput;
            if (spread.Count > 1)
            {
                var whisker = plot.Add.Line(index, spread.Min, index, spread.Max);
                whisker.LineWidth = 2;
                whisker.LineColor = Colors.Black;
                whisker.MarkerSize = 0;
                foreach (var end in new[] { spread.Min, spread.Max })
                {
                    var cap = plot.Add.Line(index - 0.1, end, index + 0.1, end);
                    cap.LineWidth = 2;
                    cap.LineColor = Colors.Black;
                    cap.MarkerSize = 0;
                }
            }
        }

        if (scenario.Direct is { Throughput.Median: > 0 } direct)
        {
            // The ceiling a proxy can approach: the origin answering the load client with nothing in between.
            plot.Add.HorizontalLine(direct.Throughput.Median, 1.5f, colors.For(direct.Target, direct: true), LinePattern.Dashed);
        }

        PlotCanvas.CategoryAxis(plot, targets.Select(stats => stats.IsDirect ? $"{stats.Target} (ref)" : stats.Target).ToList());
        var top = targets.Max(stats => Math.Max(stats.Throughput.Max, stats.Throughput.Median));
        plot.Axes.SetLimits(-0.6, targets.Count - 0.4, 0, top <= 0 ? 1 : top * 1.15);
        return plot;
    }
}
