namespace CorsLab.Diagnostics.Gate;

/// <summary>
/// The 95 % interval of a ratio of means (now ÷ reference) over trials, by the percentile bootstrap. Why this test:
/// the gate's question is "how much slower, at least?", a size with an interval, not a p-value, and a handful of
/// trials (8) tells nothing about their distribution's shape, which the bootstrap needs no assumption on. Trials
/// measured side by side (<c>--against</c>) are resampled as pairs, so drift that hit both in one trial cancels;
/// a baseline's trials and today's are resampled independently. One outlying trial widens the interval, which makes
/// the gate slower to fire, never quicker. The seed is fixed: the same trials always give the same verdict.
/// </summary>
public static class BootstrapRatio
{
    public const int Resamples = 4000;

    private const int Seed = 20261202;

    /// <summary>Null when the reference mean is not positive: no ratio to judge.</summary>
    public static RatioInterval? Paired(IReadOnlyList<double> now, IReadOnlyList<double> reference)
    {
        ArgumentNullException.ThrowIfNull(now);
        ArgumentNullException.ThrowIfNull(reference);
        if (now.Count != reference.Count)
        {
            throw new ArgumentException("paired trials need equal counts", nameof(reference));
        }

        return Interval(now, reference, paired: true);
    }

    /// <summary>Null when the reference mean is not positive: no ratio to judge.</summary>
    public static RatioInterval? Independent(IReadOnlyList<double> now, IReadOnlyList<double> reference)
    {
        ArgumentNullException.ThrowIfNull(now);
        ArgumentNullException.ThrowIfNull(reference);
        return Interval(now, reference, paired: false);
    }

    private static RatioInterval? Interval(IReadOnlyList<double> now, IReadOnlyList<double> reference, bool paired)
    {
        if (now.Count == 0 || reference.Count == 0 || reference.Average() <= 0)
        {
            return null;
        }

        var random = new Random(Seed);
        var ratios = new double[Resamples];
        for (var b = 0; b < Resamples; b++)
        {
            double nowSum = 0, referenceSum = 0;
            for (var i = 0; i < now.Count; i++)
            {
                var pick = random.Next(now.Count);
                nowSum += now[pick];
                if (paired)
                {
                    referenceSum += reference[pick];
                }
            }

            if (!paired)
            {
                for (var i = 0; i < reference.Count; i++)
                {
                    referenceSum += reference[random.Next(reference.Count)];
                }
            }

            ratios[b] = Ratio(nowSum / now.Count, referenceSum / reference.Count);
        }

        Array.Sort(ratios);
        return new RatioInterval(now.Average() / reference.Average(), ratios[(int)(Resamples * 0.025)], ratios[(int)(Resamples * 0.975) - 1]);
    }

    /// <summary>A resample whose reference mean is not positive is an unbounded ratio (sorts last).</summary>
    private static double Ratio(double now, double reference) => reference > 0 ? now / reference : double.PositiveInfinity;
}
