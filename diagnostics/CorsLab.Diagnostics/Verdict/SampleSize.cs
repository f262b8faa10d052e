namespace CorsLab.Diagnostics.Verdict;

/// <summary>
/// Whether a sample is big enough to quote a percentile: at least <see cref="BeyondTail"/> samples must lie beyond it,
/// so a p99 needs 1,000 samples and a p99.9 10,000. Below that the "percentile" is a handful of the slowest
/// requests, and a report says "n too small" instead of a number.
/// </summary>
public static class SampleSize
{
    public const int BeyondTail = 10;

    /// <summary>What a report or console prints in place of a percentile the sample cannot support.</summary>
    public const string TooFew = "n too small";

    /// <param name="percentile">0–100.</param>
    public static bool Supports(long count, double percentile) => count * (100 - percentile) / 100 >= BeyondTail;
}
