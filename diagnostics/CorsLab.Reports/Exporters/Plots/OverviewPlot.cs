using CorsLab.Diagnostics.Verdict;
using ScottPlot;

namespace CorsLab.Reports.Exporters.Plots;

/// <summary>
/// The report's first picture: every ranked target against the direct reference, one group of bars per scenario, each
/// on that scenario's deciding metric as a cost relative to direct (1 = as direct, higher is worse): direct's median
/// throughput over the target's for closed models (time per request), the target's median p99 over direct's for open
/// ones. Scenarios without a direct measurement are left out; so is the plot when none has one.
/// </summary>
internal static class OverviewPlot
{
    public const string FileName = "overview.svg";

    public static Plot? Create(RunAnalysis analysis, TargetColors colors)
    {
        var scenarios = analysis.Scenarios.Where(scenario => scenario.Direct is not null && scenario.Ranking.Count > 0 && DirectValue(scenario) > 0).ToList();
        if (scenarios.Count == 0)
        {
            return null;
        }

        var targets = scenarios.SelectMany(scenario => scenario.Ranking.Select(ranked => ranked.Stats.Target)).Distinct(StringComparer.Ordinal).ToList();
        var plot = PlotCanvas.Create("Every target against direct, on each scenario's deciding metric", "", "× direct (1 = direct; higher is worse)");
        var width = 0.8 / targets.Count;
        var top = 1.0;
        for (var slot = 0; slot < targets.Count; slot++)
        {
            var target = targets[slot];
            var bars = new List<Bar>();
            for (var index = 0; index < scenarios.Count; index++)
            {
                if (scenarios[index].Ranking.FirstOrDefault(ranked => ranked.Stats.Target == target) is not { } ranked || CostOverDirect(scenarios[index], ranked.Stats) is not { } cost)
                {
                    continue;
                }

                top = Math.Max(top, cost);
                bars.Add(new Bar
                {
                    Position = index - 0.4 + (width * (slot + 0.5)),
                    Size = width * 0.9,
                    Value = cost,
                    FillColor = colors.For(target, direct: false),
                    Label = Format.Ratio(cost),
                });
            }

            var series = plot.Add.Bars(bars);
            series.LegendText = target;
            series.ValueLabelStyle.FontSize = 11;
        }

        // Direct, the reference every bar is measured against.
        var direct = plot.Add.HorizontalLine(1, 1.5f, colors.For("direct", direct: true), LinePattern.Dashed);
        direct.LegendText = "direct (= 1)";
        PlotCanvas.CategoryAxis(plot, scenarios.Select(scenario => $"{scenario.Scenario} ({(scenario.Metric == DecidingMetric.Throughput ? "req/s" : "p99")})").ToList());
        plot.Axes.SetLimits(-0.6, scenarios.Count - 0.4, 0, top * 1.18);
        plot.ShowLegend(Edge.Right);
        return plot;
    }

    private static double DirectValue(ScenarioAnalysis scenario) =>
        scenario.Metric == DecidingMetric.Throughput ? scenario.Direct!.Throughput.Median : scenario.Direct!.P99.Median;

    private static double? CostOverDirect(ScenarioAnalysis scenario, TargetStats stats)
    {
        var value = scenario.Metric == DecidingMetric.Throughput ? stats.Throughput.Median : stats.P99.Median;
        if (value <= 0)
        {
            return null;
        }

        return scenario.Metric == DecidingMetric.Throughput ? DirectValue(scenario) / value : value / DirectValue(scenario);
    }
}
