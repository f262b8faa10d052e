using System.Globalization;
using CorsLab.Results;

namespace CorsLab.Diagnostics.Findings;

/// <summary>
/// What a target adds over direct at one percentile, with a 95 % interval, in µs. Each side's interval is the
/// distribution-free one for a quantile (ranks n·q ± 1.96·√(n·q·(1−q)) of its exact histogram); the difference's
/// interval combines them conservatively (target low − direct high … target high − direct low). A proxy cannot
/// be faster than no proxy, so an interval that holds zero is "not distinguishable", never a negative overhead.
/// </summary>
public readonly record struct AddedLatency(double Added, double Low, double High, long TargetCount, long DirectCount)
{
    private const double Z95 = 1.96;

    /// <summary>The target is slower than direct beyond the noise of these samples.</summary>
    public bool AboveDirect => Low > 0;

    /// <summary>The target measured faster than direct beyond noise: impossible for a proxy, so the lab (load, machine) was the limit.</summary>
    public bool BelowDirect => High < 0;

    /// <param name="percentile">0–100, e.g. 50 or 99.</param>
    public static AddedLatency Of(HistogramRecord target, HistogramRecord direct, double percentile)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(direct);
        var (t, tLow, tHigh) = Interval(target, percentile);
        var (d, dLow, dHigh) = Interval(direct, percentile);
        return new AddedLatency(t - d, tLow - dHigh, tHigh - dLow, target.Count, direct.Count);
    }

    /// <summary>"+0.12 ms (95 % interval +0.08…+0.15 ms)", or "not distinguishable from direct (±0.05 ms)".</summary>
    public string Describe()
    {
        if (AboveDirect)
        {
            return Invariant($"+{Ms(Added)} (95 % interval +{Ms(Low)}…+{Ms(High)})");
        }

        var halfWidth = (High - Low) / 2;
        return BelowDirect
            ? Invariant($"not measurable: the target measured faster than direct by more than the noise (±{Ms(halfWidth)}), so the load client or the machine was the limit")
            : Invariant($"not distinguishable from direct (±{Ms(halfWidth)})");
    }

    private static (double Value, double Low, double High) Interval(HistogramRecord record, double percentile)
    {
        var histogram = HistogramRecords.Decode(record);
        var n = Math.Max(1, histogram.TotalCount);
        var q = percentile / 100;
        var spread = Z95 * Math.Sqrt(q * (1 - q) / n);
        var low = Math.Clamp(q - spread, 0, 1) * 100;
        var high = Math.Clamp(q + spread, 0, 1) * 100;
        return (histogram.GetValueAtPercentile(percentile), histogram.GetValueAtPercentile(low), histogram.GetValueAtPercentile(high));
    }

    private static string Ms(double micros) => (micros / 1000).ToString("0.00#", CultureInfo.InvariantCulture) + " ms";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
