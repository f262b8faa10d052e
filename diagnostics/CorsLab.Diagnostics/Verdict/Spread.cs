namespace CorsLab.Diagnostics.Verdict;

/// <summary>
/// One quantity over the repeats of a phase: the median of the per-repeat values and their range. With a handful of
/// repeats min–max says more than an interquartile range, and it is what "do the ranges overlap" is judged on.
/// </summary>
public sealed record Spread(double Median, double Min, double Max, int Count)
{
    public static Spread Of(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.Where(double.IsFinite).Order().ToArray();
        if (sorted.Length == 0)
        {
            return new Spread(0, 0, 0, 0);
        }

        var middle = sorted.Length / 2;
        var median = sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return new Spread(median, sorted[0], sorted[^1], sorted.Length);
    }

    /// <summary>True when every repeat of this is better than every repeat of <paramref name="other"/>.</summary>
    public bool ClearlyAbove(Spread other) => Count > 1 && other.Count > 1 && Min > other.Max;

    /// <inheritdoc cref="ClearlyAbove"/>
    public bool ClearlyBelow(Spread other) => Count > 1 && other.Count > 1 && Max < other.Min;
}
