using System.Text;
using CorsLab.Diagnostics.Output;

namespace CorsLab.Reports.Gate;

/// <summary><c>gate.md</c>, fit for a pull-request comment or a job summary: the verdict on top, the table, the findings that changed.</summary>
public static class GateMarkdown
{
    public const string FileName = "gate.md";

    public static string Render(GateDocument gate)
    {
        ArgumentNullException.ThrowIfNull(gate);
        var text = new StringBuilder();
        text.Append("**corslab gate** ").AppendLine(GateCells.Headline(gate.Verdict, gate.Rows, gate.NewFindings, gate.Reasons, gate.Tolerance));
        text.AppendLine();
        text.Append(System.Globalization.CultureInfo.InvariantCulture, $"`{gate.Candidate}` against {(gate.Mode == "baseline" ? "the baseline " : "")}`{gate.Reference}`, {gate.TrialsUsed} interleaved trials, tolerance {gate.Tolerance:0.#%}; a regression only when the whole 95 % interval lies beyond it.")
            .AppendLine();
        text.AppendLine();
        text.Append("| ").Append(string.Join(" | ", GateCells.Header)).AppendLine(" |");
        text.Append('|').Append(string.Concat(GateCells.Header.Select(_ => "---|"))).AppendLine();
        foreach (var row in gate.Rows)
        {
            text.Append("| ").Append(string.Join(" | ", GateCells.Of(row).Select(cell => cell.Replace("|", "\\|", StringComparison.Ordinal)))).AppendLine(" |");
        }

        text.AppendLine();
        if (gate.NewFindings.Count > 0)
        {
            text.Append("New findings (fail the gate): ").AppendLine(string.Join(", ", gate.NewFindings.Select(f => $"`{f}`")));
        }

        if (gate.GoneFindings.Count > 0)
        {
            text.Append("Findings gone: ").AppendLine(string.Join(", ", gate.GoneFindings.Select(f => $"`{f}`")));
        }

        if (gate.NewFindings.Count == 0 && gate.GoneFindings.Count == 0)
        {
            text.AppendLine("Findings: unchanged.");
        }

        foreach (var warning in gate.Warnings)
        {
            text.AppendLine().Append("Warning: ").AppendLine(warning);
        }

        text.AppendLine().Append(System.Globalization.CultureInfo.InvariantCulture, $"Run folder `{gate.RunFolder}`, {gate.WallSeconds:0} s.").AppendLine();
        return text.ToString();
    }
}
