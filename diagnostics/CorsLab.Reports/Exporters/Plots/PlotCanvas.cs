using System.Globalization;
using System.Text.RegularExpressions;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace CorsLab.Reports.Exporters.Plots;

/// <summary>
/// The look every plot shares: size, sans font, invariant tick labels (ScottPlot's default formatter follows the
/// current culture), a log axis drawn as log10 values with labels in the original unit, and SVG output whose text
/// falls back to any sans font where the renderer's font is not installed.
/// </summary>
internal static partial class PlotCanvas
{
    public const int Width = 860;
    public const int Height = 440;

    /// <summary>Lower than the others, so the verdict and the overview fit a laptop's first screen together.</summary>
    public const int OverviewHeight = 340;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>
    /// A sans font that is installed (fonts-dejavu-core on Debian, see scripts/setup.sh). ScottPlot's own
    /// <see cref="Fonts.Sans"/> can resolve to a serif face where only DejaVu is installed.
    /// </summary>
    private static readonly Lazy<string> SansFamily = new(() =>
        new[] { "DejaVu Sans", "Liberation Sans", "Noto Sans", "Arial", "Helvetica" }.FirstOrDefault(family => Fonts.GetTypeface(family, false, false)?.FamilyName == family) ?? Fonts.Default);

    public static Plot Create(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Font.Set(SansFamily.Value);
        plot.Title(title, 15);
        plot.XLabel(xLabel, 13);
        plot.YLabel(yLabel, 13);
        plot.Axes.Bottom.TickGenerator = new NumericAutomatic { LabelFormatter = value => value.ToString("0.###", Invariant) };
        plot.Axes.Left.TickGenerator = new NumericAutomatic { LabelFormatter = value => value.ToString("0.###", Invariant) };
        return plot;
    }

    /// <summary>Left-axis labels as latencies (187 µs, 3.81 ms) on a linear axis.</summary>
    public static void MicrosAxis(Plot plot) =>
        plot.Axes.Left.TickGenerator = new NumericAutomatic { LabelFormatter = value => value < 0 ? "" : Format.MicrosTick(value) };

    /// <summary>True when values span more than this many times (max over min): then a log axis reads better.</summary>
    public static bool WantsLog(IEnumerable<double> values, double span = 50)
    {
        var positive = values.Where(value => value > 0 && double.IsFinite(value)).ToList();
        return positive.Count > 1 && positive.Max() / positive.Min() > span;
    }

    /// <summary>Values for a log axis: log10, with anything below <paramref name="floor"/> drawn at the floor.</summary>
    public static double Log(double value, double floor = 1) => Math.Log10(Math.Max(value, floor));

    /// <summary>Ticks at 1, 2 and 5 × each power of ten between the limits (log10 values), labelled by <paramref name="label"/>.</summary>
    public static void LogAxis(Plot plot, double minLog, double maxLog, Func<double, string> label)
    {
        var ticks = new NumericManual();
        var decades = maxLog - minLog;
        for (var exponent = (int)Math.Floor(minLog); exponent <= (int)Math.Ceiling(maxLog); exponent++)
        {
            foreach (var mantissa in new[] { 1, 2, 5 })
            {
                var position = exponent + Math.Log10(mantissa);
                if (position < minLog - 0.01 || position > maxLog + 0.01)
                {
                    continue;
                }

                if (mantissa == 1 || decades < 3)
                {
                    ticks.AddMajor(position, label(Math.Pow(10, position)));
                }
                else
                {
                    ticks.AddMinor(position);
                }
            }
        }

        plot.Axes.Left.TickGenerator = ticks;
        plot.Axes.SetLimitsY(minLog, maxLog);
    }

    /// <summary>The nines scale of <see cref="Analysis.PercentileCurve"/>: p0, p90, p99, p99.9 …</summary>
    public static void NinesAxis(Plot plot, double maxNines)
    {
        var ticks = new NumericManual();
        string[] names = ["p0", "p90", "p99", "p99.9", "p99.99", "p99.999", "p99.9999"];
        for (var nine = 0; nine <= Math.Min(Math.Ceiling(maxNines), names.Length - 1); nine++)
        {
            ticks.AddMajor(nine, names[nine]);
        }

        ticks.AddMajor(Math.Log10(2), "p50");
        plot.Axes.Bottom.TickGenerator = ticks;

        // A little room past the last point, so the last tick label is not cut at the frame.
        plot.Axes.SetLimitsX(0, Math.Max(1, Math.Ceiling(maxNines)) + 0.15);
    }

    /// <summary>Category ticks: one label per bar position.</summary>
    public static void CategoryAxis(Plot plot, IReadOnlyList<string> names)
    {
        var ticks = new NumericManual();
        for (var index = 0; index < names.Count; index++)
        {
            ticks.AddMajor(index, names[index]);
        }

        plot.Axes.Bottom.TickGenerator = ticks;
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
    }

    /// <summary>
    /// The plot as SVG. Skia numbers clip paths from a process-wide counter, so the same plot would differ between
    /// renders and two plots inlined in one HTML page could collide; ids are renumbered under <paramref name="idPrefix"/>.
    /// </summary>
    public static string ToSvg(Plot plot, string idPrefix, int height = Height)
    {
        var svg = plot.GetSvgXml(Width, height);
        svg = FontFamily().Replace(svg, match => $"font-family=\"{string.Join(", ", new[] { match.Groups[1].Value, "DejaVu Sans", "Helvetica", "Arial", "sans-serif" }.Distinct(StringComparer.Ordinal))}\"");
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        return ClipId().Replace(svg, match =>
        {
            if (!ids.TryGetValue(match.Value, out var renamed))
            {
                renamed = $"{idPrefix}-clip{ids.Count.ToString(Invariant)}";
                ids.Add(match.Value, renamed);
            }

            return renamed;
        });
    }

    [GeneratedRegex("font-family=\"([^\",]*)\"")]
    private static partial Regex FontFamily();

    [GeneratedRegex(@"\bcl_[0-9A-Za-z]+\b")]
    private static partial Regex ClipId();
}
