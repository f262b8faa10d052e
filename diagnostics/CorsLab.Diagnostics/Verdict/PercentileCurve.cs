using CorsLab.Results;
using HdrHistogram;

namespace CorsLab.Diagnostics.Verdict;

/// <summary>
/// A latency distribution as a percentile curve on the "nines" scale HdrHistogram plots use:
/// <c>x = -log10(1 - p/100)</c>, so 0 is p0, 1 is p90, 2 is p99, 3 is p99.9. The curve stops where the count runs out
/// of resolution (<c>log10(count)</c> nines) and ends at the maximum.
/// </summary>
public sealed record PercentileCurve(string Target, IReadOnlyList<PercentilePoint> Points)
{
    /// <summary>Points per nine: enough for a smooth line, few enough for a small SVG.</summary>
    private const int StepsPerNine = 40;

    public static PercentileCurve From(string target, HistogramRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Count == 0)
        {
            return new PercentileCurve(target, []);
        }

        var histogram = HistogramRecords.Decode(record);
        var nines = Math.Max(1, Math.Log10(record.Count));
        var points = new List<PercentilePoint>();
        for (var step = 0; step <= nines * StepsPerNine; step++)
        {
            var x = (double)step / StepsPerNine;
            var percentile = 100 * (1 - Math.Pow(10, -x));
            points.Add(new PercentilePoint(percentile, x, histogram.GetValueAtPercentile(percentile)));
        }

        points.Add(new PercentilePoint(100, nines, histogram.GetMaxValue()));
        return new PercentileCurve(target, points);
    }

    public static double NinesOf(double percentile) => -Math.Log10(1 - percentile / 100);
}

/// <param name="Nines">The percentile on the nines scale.</param>
/// <param name="Micros">Latency at that percentile.</param>
public sealed record PercentilePoint(double Percentile, double Nines, double Micros);
