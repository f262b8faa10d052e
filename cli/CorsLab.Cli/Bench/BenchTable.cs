using System.Globalization;
using CorsLab.Cli.Commands;
using CorsLab.Diagnostics.Verdict;
using CorsLab.Results;
using Spectre.Console;

namespace CorsLab.Cli.Bench;

/// <summary>
/// The summary at the end of a run: per scenario × target × driver, medians over repeats of requests/s, p50 and
/// p99, the errors, the median latency added over direct (last repeat, with its 95 % interval), the thresholds and the proxy's inbound delay (three-point join).
/// </summary>
internal static class BenchTable
{
    private static readonly string[] Headers = ["scenario", "target", "driver", "req/s", "p50 ms", "p99 ms", "errors", "p50 over direct", "thresholds", "inbound p50 ms"];

    public static IReadOnlyList<string[]> Rows(RunDocument run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var rows = new List<string[]>();
        foreach (var group in run.Measurements.GroupBy(m => (m.Scenario, m.Target, m.Driver)))
        {
            var items = group.ToArray();
            var p50 = Median(items.Select(m => m.Latency.P50));
            var direct = run.Measurements.LastOrDefault(m => m.Scenario == group.Key.Scenario && m.Target == TargetKinds.Direct && m.Driver == group.Key.Driver);
            var overDirect = direct is null || group.Key.Target == TargetKinds.Direct ? "-" : OverDirectCell.Format(items[^1].Latency, direct.Latency);
            var failed = items.SelectMany(m => m.Thresholds).Where(t => !t.Passed).Select(t => t.Metric).Distinct().ToArray();
            var thresholds = items.All(m => m.Thresholds.Count == 0) ? "-" : failed.Length == 0 ? "pass" : "FAIL " + string.Join(',', failed);
            var inbound = items.Where(m => m.ThreePoint is { Joined: > 0 }).Select(m => m.ThreePoint!.InboundDelay.P50 / 1000).ToArray();
            rows.Add(
            [
                group.Key.Scenario,
                group.Key.Target,
                group.Key.Driver,
                F(Median(items.Select(m => m.RequestsPerSecond)), "0"),
                F(p50 / 1000, "0.00"),
                items.All(m => SampleSize.Supports(m.Latency.Count, 99)) ? F(Median(items.Select(m => m.Latency.P99)) / 1000, "0.00") : SampleSize.TooFew,
                items.Sum(m => m.Errors.Values.Sum()).ToString(CultureInfo.InvariantCulture),
                overDirect,
                thresholds,
                inbound.Length > 0 ? F(Median(inbound), "0.000") : "-",
            ]);
        }

        return rows;
    }

    public static void Print(RunDocument run, bool interactive)
    {
        var rows = Rows(run);
        if (rows.Count == 0)
        {
            return;
        }

        if (interactive)
        {
            var table = new Table().Border(TableBorder.Rounded);
            foreach (var header in Headers)
            {
                table.AddColumn(header);
            }

            foreach (var row in rows)
            {
                table.AddRow(row.Select(Markup.Escape).ToArray());
            }

            AnsiConsole.Write(table);
            return;
        }

        var widths = Headers.Select((h, i) => Math.Max(h.Length, rows.Max(r => r[i].Length))).ToArray();
        Console.Out.WriteLine(string.Join("  ", Headers.Select((h, i) => h.PadRight(widths[i]))));
        foreach (var row in rows)
        {
            Console.Out.WriteLine(string.Join("  ", row.Select((c, i) => c.PadRight(widths[i]))));
        }
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
