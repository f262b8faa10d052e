using System.Globalization;

namespace CorsLab.Diagnostics.Findings;

/// <summary>Formats evidence values and sentence numbers the same way everywhere: invariant culture, units named.</summary>
internal static class Evidence
{
    public static string Ms(double micros) => (micros / 1000).ToString("0.0#", CultureInfo.InvariantCulture) + " ms";

    /// <summary>A difference to direct with no interval behind it: "+0.12 ms", or "≤ direct" (a proxy cannot be faster than none).</summary>
    public static string Added(double micros) => micros > 0 ? "+" + Ms(micros) : "≤ direct";

    public static string Percent(double fraction) => (fraction * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    public static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    public static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
