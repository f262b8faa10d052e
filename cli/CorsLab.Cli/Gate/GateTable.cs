using CorsLab.Cli.Bench;
using CorsLab.Diagnostics.Output;
using CorsLab.Reports.Gate;

namespace CorsLab.Cli.Gate;

/// <summary>The verdict table on the console: the same cells as gate.md, in aligned columns, the verdict line last.</summary>
internal static class GateTable
{
    public static void Print(GateDocument gate, BenchConsole console)
    {
        var rows = new List<IReadOnlyList<string>> { GateCells.Header };
        rows.AddRange(gate.Rows.Select(GateCells.Of));
        var widths = Enumerable.Range(0, GateCells.Header.Count).Select(column => rows.Max(row => row[column].Length)).ToArray();
        console.Line("");
        foreach (var row in rows)
        {
            console.Line(string.Join("  ", row.Select((cell, column) => cell.PadRight(widths[column]))).TrimEnd());
        }

        foreach (var finding in gate.NewFindings)
        {
            console.Line($"new finding: {finding}");
        }

        foreach (var warning in gate.Warnings)
        {
            console.Line($"warning: {warning}");
        }

        console.Line($"gate: {GateCells.Headline(gate.Verdict, gate.Rows, gate.NewFindings, gate.Reasons, gate.Tolerance)}");
    }
}
