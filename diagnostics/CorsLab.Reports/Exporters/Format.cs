using System.Globalization;
using CorsLab.Diagnostics.Verdict;

namespace CorsLab.Reports.Exporters;

/// <summary>
/// Every number a report shows, formatted with the invariant culture (a report read in Berlin says 1.5 ms, not 1,5 ms)
/// and without thousands separators, so a number never reads two ways.
/// </summary>
internal static class Format
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Latency at three significant digits, in the unit that keeps it readable: 187 µs, 3.81 ms, 1.20 s.</summary>
    /// <summary>A percentile of <paramref name="count"/> samples, or "n too small" when too few lie beyond it (<see cref="SampleSize"/>).</summary>
    public static string Percentile(double micros, long count, double percentile) =>
        SampleSize.Supports(count, percentile) ? Micros(micros) : SampleSize.TooFew;

    public static string Micros(double micros) => micros switch
    {
        double.NaN => "n/a",
        0 => "0",
        < 10 => Fixed(micros, "0.0") + " µs",
        < 1_000 => Fixed(micros, "0") + " µs",
        < 1_000_000 => Significant(micros / 1_000) + " ms",
        _ => Significant(micros / 1_000_000) + " s",
    };

    /// <summary>For axis ticks, where round values are the rule: 55 ms, 2.5 ms, 200 µs.</summary>
    public static string MicrosTick(double micros) => micros switch
    {
        <= 0 => "0",
        < 1_000 => Fixed(micros, "0.#") + " µs",
        < 1_000_000 => Fixed(micros / 1_000, "0.##") + " ms",
        _ => Fixed(micros / 1_000_000, "0.##") + " s",
    };

    public static string Rate(double perSecond) => Fixed(perSecond, perSecond >= 100 ? "0" : "0.0");

    public static string Ratio(double ratio) => Fixed(ratio, "0.00") + "×";

    public static string Percent(double fraction) => Fixed(fraction * 100, "0.#") + "%";

    public static string Count(long count) => count.ToString(Invariant);

    public static string Decimal(double value, string pattern = "0.00") => Fixed(value, pattern);

    public static string Seconds(double seconds) => Fixed(seconds, seconds >= 10 ? "0" : "0.#") + " s";

    public static string Mebibytes(long bytes) => Fixed(bytes / (1024.0 * 1024.0), "0.0") + " MiB";

    public static string Utc(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss", Invariant) + " UTC";

    public static string RateSpread(Spread spread) => spread.Count > 1
        ? $"{Rate(spread.Median)} ({Rate(spread.Min)}–{Rate(spread.Max)})"
        : Rate(spread.Median);

    /// <summary>"427 µs (425–429)"; the range keeps its units when they differ: "980 µs (950 µs–1.02 ms)".</summary>
    public static string MicrosSpread(Spread spread)
    {
        if (spread.Count == 0)
        {
            return "n/a";
        }

        var (median, min, max) = (Micros(spread.Median), Micros(spread.Min), Micros(spread.Max));
        if (spread.Count == 1)
        {
            return median;
        }

        var unit = median[(median.LastIndexOf(' ') + 1)..];
        return min.EndsWith(" " + unit, StringComparison.Ordinal) && max.EndsWith(" " + unit, StringComparison.Ordinal)
            ? $"{median} ({min[..min.LastIndexOf(' ')]}–{max[..max.LastIndexOf(' ')]})"
            : $"{median} ({min}–{max})";
    }

    public static string Plural(long count, string one, string many) => $"{Count(count)} {(count == 1 ? one : many)}";

    private static string Significant(double value) => Fixed(value, value switch
    {
        < 10 => "0.00",
        < 100 => "0.0",
        _ => "0",
    });

    private static string Fixed(double value, string pattern) => value.ToString(pattern, Invariant);
}
