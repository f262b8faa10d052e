using System.Globalization;
using CorsLab.Diagnostics.Gate;

namespace CorsLab.Reports.Gate;

/// <summary>The verdict table's cells, shared by the console and <c>gate.md</c> so both say the same thing.</summary>
public static class GateCells
{
    public static IReadOnlyList<string> Header { get; } = ["metric", "reference", "now", "ratio", "95 % interval", "verdict"];

    public static IReadOnlyList<string> Of(GateRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return
        [
            row.Metric,
            Value(row.Reference, row.Unit),
            Value(row.Now, row.Unit),
            row.Ratio is { } ratio ? Number($"{ratio:0.000}") : "–",
            row.Low is { } low && row.High is { } high ? Number($"{low:0.000}–{high:0.000}") : row.Note.Length > 0 ? row.Note : "–",
            Verdict(row.Verdict),
        ];
    }

    /// <summary>The one line on top: the verdict, and the reason or the rows that decided it.</summary>
    public static string Headline(string verdict, IReadOnlyList<GateRow> rows, IReadOnlyList<string> newFindings, IReadOnlyList<string> reasons, double tolerance)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(newFindings);
        ArgumentNullException.ThrowIfNull(reasons);
        var regressed = rows.Where(r => r.Verdict == MetricVerdict.Regression).Select(r => r.Metric).Concat(newFindings.Select(f => $"new finding {f}")).ToArray();
        return verdict switch
        {
            "pass" => Number($"PASS: no regression beyond {tolerance:0.#%} (95 % intervals) and no new finding"),
            "regression" => $"REGRESSION: {string.Join("; ", regressed)}",
            _ => $"COULD NOT MEASURE: {string.Join("; ", reasons)}",
        };
    }

    private static string Verdict(MetricVerdict verdict) => verdict switch
    {
        MetricVerdict.Pass => "pass",
        MetricVerdict.Regression => "REGRESSION",
        MetricVerdict.Improved => "improved",
        _ => "not judged",
    };

    private static string Value(double? value, string unit) => value switch
    {
        null => "–",
        { } v when unit == "µs" => Number($"{v:0} µs"),
        { } v when unit == "B" => Number($"{v:0} B"),
        { } v => Number($"{v:0.###}"),
    };

    private static string Number(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
