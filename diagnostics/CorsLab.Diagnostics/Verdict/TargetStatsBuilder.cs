using CorsLab.Results;

namespace CorsLab.Diagnostics.Verdict;

/// <summary>Folds one target's repeats of one scenario into <see cref="TargetStats"/>.</summary>
internal static class TargetStatsBuilder
{
    public static TargetStats Build(TargetInfo target, IReadOnlyList<ScenarioMeasurement> repeats)
    {
        var byThroughput = repeats.OrderBy(repeat => repeat.RequestsPerSecond).ToList();
        var representative = byThroughput[(byThroughput.Count - 1) / 2];
        var firstBytes = repeats.Select(repeat => repeat.FirstByte).OfType<HistogramRecord>().ToList();

        return new TargetStats(
            target.Name,
            target.Kind,
            target.Faults,
            repeats.Count,
            repeats.All(repeat => repeat.Complete),
            Spread.Of(repeats.Select(repeat => repeat.RequestsPerSecond)),
            Spread.Of(repeats.Where(repeat => repeat.Latency.Count > 0).Select(repeat => repeat.Latency.P50)),
            Spread.Of(repeats.Where(repeat => repeat.Latency.Count > 0).Select(repeat => repeat.Latency.P99)),
            HistogramMerge.MergeToRecord(repeats.Select(repeat => repeat.Latency)),
            firstBytes.Count == 0 ? null : HistogramMerge.MergeToRecord(firstBytes),
            repeats.Sum(repeat => repeat.Requests),
            repeats.Sum(repeat => repeat.Errors.Values.Sum()),
            SumCounts(repeats.Select(repeat => repeat.StatusCounts)),
            MedianThreePoint(repeats.Select(repeat => repeat.ThreePoint).OfType<ThreePointSummary>().ToList()),
            representative.Resources,
            representative);
    }

    private static SortedDictionary<string, long> SumCounts(IEnumerable<IReadOnlyDictionary<string, long>> counts)
    {
        var sum = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var (key, value) in counts.SelectMany(count => count))
        {
            sum[key] = sum.GetValueOrDefault(key) + value;
        }

        return sum;
    }

    /// <summary>
    /// Each quantity's median over repeats; counts are summed. The waterfalls are left out: they are requests of one
    /// repeat, not quantities with a median, and readers take them from <see cref="TargetStats.Representative"/>.
    /// </summary>
    private static ThreePointSummary? MedianThreePoint(IReadOnlyList<ThreePointSummary> repeats)
    {
        if (repeats.Count == 0)
        {
            return null;
        }

        double Median(Func<ThreePointSummary, double> pick) => Spread.Of(repeats.Select(pick)).Median;
        PercentileSummary Summary(Func<ThreePointSummary, PercentileSummary?> pick)
        {
            var present = repeats.Select(pick).OfType<PercentileSummary>().ToList();
            double Of(Func<PercentileSummary, double> field) => Spread.Of(present.Select(field)).Median;
            return new PercentileSummary(Of(s => s.P50), Of(s => s.P90), Of(s => s.P99), Of(s => s.Max));
        }

        return new ThreePointSummary(
            repeats.Sum(repeat => repeat.Joined),
            repeats.Sum(repeat => repeat.Unmatched),
            Summary(repeat => repeat.InboundDelay),
            Summary(repeat => repeat.OriginTime),
            Summary(repeat => repeat.FirstByteGap),
            Summary(repeat => repeat.LastByteGap),
            repeats.Any(repeat => repeat.RequestFirstByteGap is not null) ? Summary(repeat => repeat.RequestFirstByteGap) : null,
            Median(repeat => repeat.FirstByteAfterOriginLast),
            Median(repeat => repeat.RequestFirstByteAfterClientLast),
            repeats.Sum(repeat => repeat.OriginConnections),
            repeats.Sum(repeat => repeat.ClientConnections),
            Median(repeat => repeat.OriginConnectionsPerRequest))
        {
            BufferingEligible = repeats.Sum(repeat => repeat.BufferingEligible),
            RequestBufferingEligible = repeats.Sum(repeat => repeat.RequestBufferingEligible),
        };
    }
}
