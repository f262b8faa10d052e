using CorsLab.Diagnostics.Verdict;
using ScottPlot;

namespace CorsLab.Reports.Exporters.Plots;

/// <summary>
/// The first-byte gap (origin's first body byte out → client's first body byte in) per target as p50, p90 and p99
/// bars: a streaming proxy's gap is microseconds, a buffering one's is the whole body's transfer time.
/// </summary>
internal static class FirstByteGapPlot
{
    public static Plot? Create(ScenarioAnalysis scenario, TargetColors colors)
    {
        var targets = scenario.AllTargets.Where(stats => stats.ThreePoint is not null).ToList();
        if (targets.Count == 0)
        {
            return null;
        }

        var plot = PlotCanvas.Create($"{scenario.Scenario}: first-byte gap", "", "gap");
        (string Name, Func<PercentileSummaryView, double> Pick, double Alpha)[] levels =
        [
            ("p50", view => view.P50, 1.0),
            ("p90", view => view.P90, 0.65),
            ("p99", view => view.P99, 0.35),
        ];
        var values = targets.SelectMany(stats => levels.Select(level => level.Pick(View(stats)))).ToList();
        var log = PlotCanvas.WantsLog(values);
        const double width = 0.25;

        for (var index = 0; index < targets.Count; index++)
        {
            var stats = targets[index];
            var color = colors.For(stats.Target, stats.IsDirect);
            for (var level = 0; level < levels.Length; level++)
            {
                var value = levels[level].Pick(View(stats));
                var bar = new Bar
                {
                    Position = index + ((level - 1) * width),
                    Size = width * 0.9,
                    Value = log ? PlotCanvas.Log(value) : Math.Max(0, value),
                    ValueBase = 0,
                    FillColor = color.WithAlpha(levels[level].Alpha),
                    LineColor = color,
                    LineWidth = 1,
                    Label = levels[level].Name,
                };
                plot.Add.Bars(new[] { bar });
            }
        }

        PlotCanvas.CategoryAxis(plot, targets.Select(stats => stats.IsDirect ? $"{stats.Target} (ref)" : stats.Target).ToList());
        plot.Axes.SetLimitsX(-0.6, targets.Count - 0.4);
        if (log)
        {
            PlotCanvas.LogAxis(plot, 0, PlotCanvas.Log(values.Max()) + 0.35, Format.MicrosTick);
        }
        else
        {
            PlotCanvas.MicrosAxis(plot);
            plot.Axes.SetLimitsY(0, Math.Max(1, values.Max()) * 1.15);
        }

        return plot;
    }

    private static PercentileSummaryView View(TargetStats stats) => new(stats.ThreePoint!.FirstByteGap.P50, stats.ThreePoint.FirstByteGap.P90, stats.ThreePoint.FirstByteGap.P99);

    private readonly record struct PercentileSummaryView(double P50, double P90, double P99);
}
