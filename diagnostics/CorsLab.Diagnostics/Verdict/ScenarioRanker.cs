using CorsLab.Diagnostics.Findings;
using CorsLab.Results;

namespace CorsLab.Diagnostics.Verdict;

/// <summary>Ranks the targets of one scenario on its deciding metric and sets each one's ratios to the best.</summary>
internal static class ScenarioRanker
{
    public static ScenarioAnalysis Rank(string scenario, IReadOnlyList<ScenarioMeasurement> measurements, IReadOnlyDictionary<string, TargetInfo> targets, IReadOnlyList<FindingRecord> findings)
    {
        var first = measurements[0];
        var metric = MetricFor(first.Model);
        var groups = measurements
            .GroupBy(measurement => measurement.Target, StringComparer.Ordinal)
            .Select(group => (Repeats: (IReadOnlyList<ScenarioMeasurement>)group.ToList(), Stats: TargetStatsBuilder.Build(TargetOf(group.Key), group.ToList())))
            .ToList();

        var direct = groups.Where(group => group.Stats.IsDirect).Select(group => group.Stats).FirstOrDefault();
        var contenders = groups.Where(group => !group.Stats.IsDirect).ToList();
        var evaluated = contenders
            .Select(group => (group.Stats, Findings: ScenarioFindings.WarnOrAbove(findings, group.Stats.Target, scenario)))
            .ToList();

        // Failing fast is not being fast: a target whose errors rule it out ranks after every target that answered.
        var ordered = evaluated
            .OrderBy(entry => entry.Findings.Any(finding => finding.Id == RequestErrorsRule.FindingId))
            .ThenBy(entry => metric == DecidingMetric.Throughput ? -entry.Stats.Throughput.Median : entry.Stats.P99.Median)
            .ThenBy(entry => entry.Stats.P50.Median)
            .ToList();

        var bestThroughput = contenders.Select(group => group.Stats.Throughput.Median).DefaultIfEmpty(0).Max();
        var bestP50 = contenders.Select(group => group.Stats.P50.Median).Where(value => value > 0).DefaultIfEmpty(0).Min();
        var bestP99 = contenders.Select(group => group.Stats.P99.Median).Where(value => value > 0).DefaultIfEmpty(0).Min();

        var ranking = ordered
            .Select((entry, index) => new RankedTarget(
                index + 1,
                entry.Stats,
                Ratio(entry.Stats.Throughput.Median, bestThroughput),
                Ratio(entry.Stats.P50.Median, bestP50),
                Ratio(entry.Stats.P99.Median, bestP99),
                direct is { Throughput.Median: > 0 } ? entry.Stats.Throughput.Median / direct.Throughput.Median : null,
                direct is { Merged.Count: > 0 } && entry.Stats.Merged.Count > 0 ? AddedLatency.Of(entry.Stats.Merged, direct.Merged, 50) : null,
                entry.Findings))
            .ToList();

        return new ScenarioAnalysis(scenario, first.Model, first.Driver, metric, MarginOf(ranking, metric), ranking, direct, measurements);

        TargetInfo TargetOf(string name) => targets.TryGetValue(name, out var info)
            ? info
            : new TargetInfo(name, name == TargetKinds.Direct ? TargetKinds.Direct : TargetKinds.Engine, "", []);
    }

    public static DecidingMetric MetricFor(LoadModelSettings model) => model.Kind switch
    {
        "constant-rate" or "ramp-rate" => DecidingMetric.TailLatency,
        _ => DecidingMetric.Throughput,
    };

    private static double Ratio(double value, double best) => best > 0 ? value / best : 0;

    private static Margin MarginOf(IReadOnlyList<RankedTarget> ranking, DecidingMetric metric)
    {
        if (ranking.Count < 2)
        {
            return Margin.Alone;
        }

        var (winner, second) = (ranking[0].Stats, ranking[1].Stats);
        if (winner.Repeats < 2 || second.Repeats < 2)
        {
            return Margin.SingleRepeat;
        }

        var clear = metric == DecidingMetric.Throughput
            ? winner.Throughput.ClearlyAbove(second.Throughput)
            : winner.P99.ClearlyBelow(second.P99);
        return clear ? Margin.Clear : Margin.WithinSpread;
    }
}
