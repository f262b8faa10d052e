using CorsLab.Results;

namespace CorsLab.Tracing;

/// <summary>
/// Turns one process's exported metric points into <see cref="CounterSeries"/> over a measured phase. Each export
/// sums a metric's points over their attributes; consecutive cumulative exports are differenced into rates (a drop,
/// a restarted process, is skipped). A cumulative metric's first export (a counter first touched by the load) counts
/// from zero at the process's export before it. An export counts for the phase when the middle of its interval lies
/// inside it.
/// </summary>
public static class CounterSeriesCalculator
{
    private const double NanosPerSecond = 1e9;

    public static IReadOnlyList<CounterSeries> Compute(IEnumerable<MetricPointRecord> points, ulong fromUnixNs, ulong toUnixNs)
    {
        var all = points.ToList();
        var exportTimes = all.Select(point => point.TimeUnixNs).Distinct().Order().ToList();
        var series = new List<CounterSeries>();
        foreach (var metric in all.GroupBy(point => point.Name).OrderBy(group => group.Key, StringComparer.Ordinal))
        {
            var first = metric.First();
            var exports = metric.GroupBy(point => point.TimeUnixNs).OrderBy(group => group.Key).Select(Export.Of).ToList();
            var growing = first is { Temporality: MetricKinds.Cumulative } and ({ Kind: MetricKinds.Histogram } or { Kind: MetricKinds.Sum, Monotonic: true });
            if (growing && ExportBefore(exportTimes, exports[0].Time) is { } before)
            {
                exports.Insert(0, new Export(exports[0].Start, before, 0, 0, 0));
            }

            var unit = first.Unit ?? "";
            switch (first.Kind)
            {
                case MetricKinds.Sum when first.Monotonic:
                    series.Add(new CounterSeries(metric.Key, CounterStatistics.Rate, unit + "/s", Rates(exports, first.Temporality, export => export.Value, fromUnixNs, toUnixNs)));
                    break;
                case MetricKinds.Sum or MetricKinds.Gauge:
                    series.Add(new CounterSeries(metric.Key, CounterStatistics.Value, unit, [.. exports.Where(e => Inside(e.Midpoint(0), fromUnixNs, toUnixNs)).Select(e => new CounterPoint(Second(e.Time, fromUnixNs), e.Value))]));
                    break;
                case MetricKinds.Histogram:
                    series.Add(new CounterSeries(metric.Key, CounterStatistics.Rate, "{count}/s", Rates(exports, first.Temporality, export => export.Count, fromUnixNs, toUnixNs)));
                    series.Add(new CounterSeries(metric.Key, CounterStatistics.Mean, unit, Means(exports, first.Temporality, fromUnixNs, toUnixNs)));
                    break;
            }
        }

        return series.Where(s => s.Points.Count > 0).ToList();
    }

    private static IReadOnlyList<CounterPoint> Rates(List<Export> exports, string? temporality, Func<Export, double> pick, ulong from, ulong to) =>
        Intervals(exports, temporality, from, to)
            .Select(interval => new CounterPoint(Second(interval.End, from), (pick(interval.Current) - (interval.Previous is { } previous ? pick(previous) : 0)) / interval.Seconds))
            .ToList();

    private static IReadOnlyList<CounterPoint> Means(List<Export> exports, string? temporality, ulong from, ulong to) =>
        Intervals(exports, temporality, from, to)
            .Select(interval => (interval, Count: interval.Current.Count - (interval.Previous?.Count ?? 0), Sum: interval.Current.Sum - (interval.Previous?.Sum ?? 0)))
            .Where(entry => entry.Count > 0)
            .Select(entry => new CounterPoint(Second(entry.interval.End, from), entry.Sum / entry.Count))
            .ToList();

    /// <summary>
    /// The intervals the exports cover inside the phase: a delta export stands alone (its own start to its time);
    /// a cumulative one is taken against the export before it (null Previous: the delta carries the whole value).
    /// </summary>
    private static IEnumerable<Interval> Intervals(List<Export> exports, string? temporality, ulong from, ulong to)
    {
        for (var i = 0; i < exports.Count; i++)
        {
            var current = exports[i];
            if (temporality == MetricKinds.Delta)
            {
                if (current.Time > current.Start && Inside(current.Midpoint(current.Start), from, to))
                {
                    yield return new Interval(null, current, (current.Time - current.Start) / NanosPerSecond);
                }

                continue;
            }

            if (i == 0)
            {
                continue;
            }

            var previous = exports[i - 1];
            var restarted = current.Value < previous.Value || current.Count < previous.Count;
            if (!restarted && Inside(current.Midpoint(previous.Time), from, to))
            {
                yield return new Interval(previous, current, (current.Time - previous.Time) / NanosPerSecond);
            }
        }
    }

    /// <summary>The process's last export at least half an interval before <paramref name="time"/> (the points of one export carry nearly equal times).</summary>
    private static ulong? ExportBefore(List<ulong> exportTimes, ulong time)
    {
        var index = exportTimes.FindLastIndex(t => t + (NanosPerSecond / 2) <= time);
        return index >= 0 ? exportTimes[index] : null;
    }

    private static bool Inside(ulong time, ulong from, ulong to) => time >= from && time <= to;

    /// <summary>The second of the phase an export ended in: one ending 1 s after the start covers second 0.</summary>
    private static int Second(ulong time, ulong from) =>
        time <= from ? 0 : Math.Max(0, (int)Math.Ceiling((time - from) / NanosPerSecond) - 1);

    private sealed record Export(ulong Start, ulong Time, double Value, double Count, double Sum)
    {
        public static Export Of(IGrouping<ulong, MetricPointRecord> points) => new(
            points.Min(point => point.StartUnixNs),
            points.Key,
            points.Sum(point => point.Value ?? 0),
            points.Sum(point => (double)(point.Count ?? 0)),
            points.Sum(point => point.Sum ?? 0));

        /// <summary>The middle of the interval from <paramref name="start"/> (0: a gauge, which is an instant) to this export.</summary>
        public ulong Midpoint(ulong start) => start == 0 || start >= Time ? Time : start + ((Time - start) / 2);
    }

    private sealed record Interval(Export? Previous, Export Current, double Seconds)
    {
        public ulong End => Current.Time;
    }
}
