using CorsLab.Diagnostics.Verdict;
using CorsLab.Reports.Exporters.Document;
using CorsLab.Reports.Exporters.Plots;
using CorsLab.Results;

namespace CorsLab.Reports.Exporters.Composing;

/// <summary>One scenario in full: its plots, exact percentiles, the three-point split, resources, stages and counters inside the engines, thresholds and every repeat.</summary>
internal static class ScenarioSection
{
    public static IEnumerable<Block> Compose(ScenarioAnalysis scenario, IEnumerable<PlotFile> plots)
    {
        yield return new Heading(3, scenario.Scenario);
        yield return new Paragraph($"{Phrases.Model(scenario.Model)}; driver {scenario.Driver}; latencies from the ", scenario.Metric == DecidingMetric.TailLatency ? "intended send time (coordinated omission corrected)." : "actual send time.");
        foreach (var plot in plots)
        {
            yield return new Figure(plot.FileName, plot.Caption);
        }

        var targets = scenario.AllTargets.ToList();
        yield return Latency(targets);
        if (targets.Any(stats => stats.ThreePoint is not null))
        {
            yield return new Paragraph(Span.Bold("Three points"), " (client and origin on one clock; median over repeats):");
            yield return ThreePoint(targets);
        }

        if (targets.Any(stats => stats.Resources is not null))
        {
            yield return Resources(targets);
        }

        foreach (var block in StageTable.Compose(scenario).Concat(CounterTable.Compose(scenario)))
        {
            yield return block;
        }

        var thresholds = targets.SelectMany(stats => Repeats(scenario, stats).SelectMany(repeat => repeat.Thresholds.Select(result => (stats.Target, repeat.Repeat, result)))).ToList();
        if (thresholds.Count > 0)
        {
            var table = new TableBuilder().Column("target").Column("repeat", numeric: true).Column("threshold").Column("actual", numeric: true).Column("held");
            foreach (var (target, repeat, result) in thresholds)
            {
                table.Row(Span.Code(target), Format.Count(repeat), $"{result.Metric} {result.Operator} {Format.Decimal(result.Limit, "0.###")}", Format.Decimal(result.Actual, "0.###"), result.Passed ? "yes" : Span.Bold("no"));
            }

            yield return table.Build();
        }

        yield return PerRepeat(scenario, targets);
        var notes = targets.SelectMany(stats => Repeats(scenario, stats)).Select(repeat => repeat.Note).OfType<string>().Where(note => note.Length > 0).Distinct().ToList();
        if (notes.Count > 0)
        {
            yield return new BulletList(notes.Select(note => (IReadOnlyList<Span>)[new Span(note)]).ToList());
        }
    }

    private static Table Latency(IReadOnlyList<TargetStats> targets)
    {
        var table = new TableBuilder().Column("target").Column("requests", numeric: true).Column("errors", numeric: true)
            .Column("p50", numeric: true).Column("p90", numeric: true).Column("p99", numeric: true).Column("p99.9", numeric: true).Column("max", numeric: true)
            .Column("first byte p50", numeric: true).Column("first byte p99", numeric: true);
        foreach (var stats in targets)
        {
            var merged = stats.Merged;
            table.Row(
                Span.Code(stats.Target),
                Format.Count(stats.Requests),
                stats.Errors == 0 ? "0" : $"{Format.Count(stats.Errors)} ({Format.Percent(stats.ErrorRate)})",
                Format.Micros(merged.P50), Format.Percentile(merged.P90, merged.Count, 90), Format.Percentile(merged.P99, merged.Count, 99), Format.Percentile(merged.P999, merged.Count, 99.9), Format.Micros(merged.Max),
                stats.FirstByte is { } first ? Format.Micros(first.P50) : "—",
                stats.FirstByte is { } firstTail ? Format.Percentile(firstTail.P99, firstTail.Count, 99) : "—");
        }

        return table.Build();
    }

    private static Table ThreePoint(IReadOnlyList<TargetStats> targets)
    {
        var table = new TableBuilder().Column("target").Column("joined", numeric: true)
            .Column("way in p50 / p99", numeric: true).Column("origin time p50", numeric: true)
            .Column("first-byte gap p50 / p99", numeric: true).Column("last-byte gap p50", numeric: true)
            .Column("first byte after origin's last", numeric: true).Column("upload after client's last", numeric: true)
            .Column("origin / client conns per req", numeric: true);
        foreach (var stats in targets.Where(stats => stats.ThreePoint is not null))
        {
            var three = stats.ThreePoint!;
            var clientPerRequest = three.Joined > 0 ? (double)three.ClientConnections / three.Joined : 0;
            table.Row(
                Span.Code(stats.Target),
                three.Unmatched > 0 ? $"{Format.Count(three.Joined)} ({Format.Count(three.Unmatched)} unmatched)" : Format.Count(three.Joined),
                $"{Format.Micros(three.InboundDelay.P50)} / {Format.Micros(three.InboundDelay.P99)}",
                Format.Micros(three.OriginTime.P50),
                $"{Format.Micros(three.FirstByteGap.P50)} / {Format.Micros(three.FirstByteGap.P99)}",
                Format.Micros(three.LastByteGap.P50),
                Format.Percent(three.FirstByteAfterOriginLast),
                three.RequestFirstByteGap is null ? "—" : Format.Percent(three.RequestFirstByteAfterClientLast),
                $"{Format.Decimal(three.OriginConnectionsPerRequest, "0.000")} / {Format.Decimal(clientPerRequest, "0.000")}");
        }

        return table.Build();
    }

    private static Table Resources(IReadOnlyList<TargetStats> targets)
    {
        var table = new TableBuilder().Column("target").Column("CPU (median repeat)", numeric: true).Column("CPU per 1000 requests", numeric: true).Column("working set start → peak", numeric: true);
        foreach (var stats in targets.Where(stats => stats.Resources is not null))
        {
            var resources = stats.Resources!;
            var requests = stats.Representative.Requests;
            table.Row(
                Span.Code(stats.Target),
                Format.Seconds(resources.CpuSeconds),
                requests > 0 ? $"{Format.Decimal(resources.CpuSeconds * 1000 * 1000 / requests, "0.0")} ms" : "—",
                $"{Format.Mebibytes(resources.StartWorkingSetBytes)} → {Format.Mebibytes(resources.PeakWorkingSetBytes)}");
        }

        return table.Build();
    }

    private static Table PerRepeat(ScenarioAnalysis scenario, IReadOnlyList<TargetStats> targets)
    {
        var table = new TableBuilder().Column("target").Column("repeat", numeric: true).Column("req/s", numeric: true).Column("p50", numeric: true).Column("p99", numeric: true).Column("errors", numeric: true).Column("warm-up").Column("complete");
        foreach (var stats in targets)
        {
            foreach (var repeat in Repeats(scenario, stats))
            {
                table.Row(
                    Span.Code(stats.Target),
                    Format.Count(repeat.Repeat),
                    Format.Rate(repeat.RequestsPerSecond),
                    Format.Micros(repeat.Latency.P50),
                    Format.Percentile(repeat.Latency.P99, repeat.Latency.Count, 99),
                    Format.Count(repeat.Errors.Values.Sum()),
                    Warmup(repeat),
                    repeat.Complete ? (repeat.HealthyAfter == false ? Span.Bold("yes, unhealthy after") : "yes") : Span.Bold("no: cut short"));
            }
        }

        return table.Build();
    }

    /// <summary>"1.25 s, 2,400 requests, steady", or bold when the time bound ended it before the target was steady.</summary>
    private static Span Warmup(ScenarioMeasurement repeat) => repeat switch
    {
        { WarmupSeconds: { } seconds, WarmupSteady: true } => $"{Format.Seconds(seconds)}, {Format.Count(repeat.WarmupRequests ?? 0)} requests, steady",
        { WarmupSeconds: { } seconds, WarmupSteady: false } => Span.Bold($"{Format.Seconds(seconds)}, {Format.Count(repeat.WarmupRequests ?? 0)} requests, not steady"),
        _ => "—",
    };

    private static IEnumerable<ScenarioMeasurement> Repeats(ScenarioAnalysis scenario, TargetStats stats) =>
        scenario.Measurements.Where(measurement => measurement.Target == stats.Target).OrderBy(measurement => measurement.Repeat);
}
