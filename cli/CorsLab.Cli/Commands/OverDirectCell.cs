using System.Globalization;
using CorsLab.Diagnostics.Findings;
using CorsLab.Results;

namespace CorsLab.Cli.Commands;

/// <summary>
/// A console cell for the median latency a target adds over direct, with its 95 % half-width:
/// "+0.12 ms ±0.03" when beyond the noise, "≈ direct ±0.04 ms" otherwise. Never negative: a proxy cannot be faster than none.
/// </summary>
internal static class OverDirectCell
{
    public static string Format(HistogramRecord target, HistogramRecord direct)
    {
        if (target.Count == 0 || direct.Count == 0)
        {
            return "-";
        }

        var added = AddedLatency.Of(target, direct, 50);
        var halfWidth = (added.High - added.Low) / 2000;
        return added.AboveDirect
            ? string.Create(CultureInfo.InvariantCulture, $"+{added.Added / 1000:0.00} ms ±{halfWidth:0.00}")
            : string.Create(CultureInfo.InvariantCulture, $"≈ direct ±{halfWidth:0.00} ms");
    }
}
