using System.Globalization;
using CorsLab.Diagnostics.Findings;
using CorsLab.Diagnostics.Verdict;
using CorsLab.Results;

namespace CorsLab.Diagnostics.Calibration;

/// <summary>
/// Judges <c>bench --calibrate</c>: for each point, the target's p50 over its reference's (repeats merged, exact
/// histograms) must land within <see cref="ToleranceFor"/> of the latency the engine was told to add. A lab that
/// misses says its overhead figures of that size are not to be trusted on this machine.
/// </summary>
public static class CalibrationJudge
{
    public const double Percentile = 50;

    /// <summary>A fifth of the truth, or <see cref="AbsoluteToleranceMicros"/> when larger: fine enough to tell 100 µs from 0.</summary>
    public const double RelativeTolerance = 0.20;

    /// <summary>The floor: the p50s of two processes of one engine on a shared 2-core machine differ by tens of µs.</summary>
    public const double AbsoluteToleranceMicros = 30;

    public static double ToleranceFor(double addedMicros) => Math.Max(RelativeTolerance * addedMicros, AbsoluteToleranceMicros);

    /// <summary>The results of every point both of whose targets were measured (a cut-short run has fewer).</summary>
    public static IReadOnlyList<CalibrationResult> Evaluate(RunDocument run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.Calibration is not { } calibration)
        {
            return [];
        }

        var results = new List<CalibrationResult>();
        foreach (var point in calibration.Points)
        {
            var target = Latencies(run, calibration.Scenario, point.Target);
            var reference = Latencies(run, calibration.Scenario, point.Reference);
            if (target.Count == 0 || reference.Count == 0)
            {
                continue;
            }

            var added = AddedLatency.Of(HistogramMerge.MergeToRecord(target), HistogramMerge.MergeToRecord(reference), Percentile);
            var tolerance = ToleranceFor(point.AddedMicros);
            results.Add(new CalibrationResult(
                point.Engine,
                point.Target,
                point.AddedMicros,
                added.Added,
                added.Low,
                added.High,
                tolerance,
                Math.Min(added.TargetCount, added.DirectCount),
                Math.Abs(added.Added - point.AddedMicros) <= tolerance));
        }

        return results;
    }

    /// <summary>
    /// The measured value as a table cell: "+512 µs (95 %: +498…+530)". A difference whose interval holds zero is
    /// "indistinguishable from 0 (±X µs)", never a negative figure.
    /// </summary>
    public static string Describe(CalibrationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.LowMicros <= 0 && result.HighMicros >= 0)
        {
            return Invariant($"indistinguishable from 0 (±{(result.HighMicros - result.LowMicros) / 2:0} µs)");
        }

        return result.HighMicros < 0
            ? Invariant($"not measurable: faster than its reference beyond noise (±{(result.HighMicros - result.LowMicros) / 2:0} µs)")
            : Invariant($"+{result.MeasuredMicros:0} µs (95 %: +{result.LowMicros:0}…+{result.HighMicros:0})");
    }

    private static List<HistogramRecord> Latencies(RunDocument run, string scenario, string target) =>
        run.Measurements
            .Where(m => m.Scenario == scenario && m.Target == target && m.Driver == DriverNames.Corslab)
            .Select(m => m.Latency)
            .ToList();

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
