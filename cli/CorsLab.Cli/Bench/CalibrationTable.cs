using System.Globalization;
using CorsLab.Diagnostics.Calibration;
using CorsLab.Results;

namespace CorsLab.Cli.Bench;

/// <summary>
/// <c>bench --calibrate</c>'s verdict on the console: per engine and known added latency, what the lab measured at
/// p50 with its interval, the tolerance, the samples, and whether it landed. Nothing is printed for other runs.
/// </summary>
internal static class CalibrationTable
{
    private static readonly string[] Headers = ["engine", "added", "measured p50 over the clean engine", "tolerance", "samples", "verdict"];

    /// <returns>False when a point was measured outside its tolerance or not measured at all.</returns>
    public static bool Print(RunDocument run, BenchConsole console)
    {
        if (run.Calibration is not { } calibration)
        {
            return true;
        }

        var rows = calibration.Results.Select(result => new[]
        {
            result.Engine,
            Invariant($"{result.AddedMicros:0} µs"),
            CalibrationJudge.Describe(result),
            Invariant($"±{result.ToleranceMicros:0} µs"),
            result.Samples.ToString(CultureInfo.InvariantCulture),
            result.Within ? "ok" : "MISSED",
        }).ToList();
        var widths = Headers.Select((header, i) => rows.Select(row => row[i].Length).Append(header.Length).Max()).ToArray();
        console.Line($"calibration ({calibration.Scenario}, p50 of each engine with added-latency against the same engine without it):");
        console.Line(string.Join("  ", Headers.Select((header, i) => header.PadRight(widths[i]))));
        foreach (var row in rows)
        {
            console.Line(string.Join("  ", row.Select((cell, i) => cell.PadRight(widths[i]))));
        }

        var missed = calibration.Results.Count(result => !result.Within);
        var unmeasured = calibration.Points.Count - calibration.Results.Count;
        if (missed == 0 && unmeasured == 0)
        {
            console.Line("calibration: every known latency measured within its tolerance");
            return true;
        }

        console.Line(Invariant($"calibration FAILED: {missed} point(s) outside tolerance, {unmeasured} not measured; overheads of that size are not to be trusted on this machine"));
        return false;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
