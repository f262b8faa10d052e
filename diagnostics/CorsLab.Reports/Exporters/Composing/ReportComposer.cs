using CorsLab.Diagnostics.Verdict;
using CorsLab.Reports.Exporters.Document;
using CorsLab.Reports.Exporters.Plots;

namespace CorsLab.Reports.Exporters.Composing;

/// <summary>
/// Lays out the report, verdict first: caveats, the engine to ship, the overview plot, each scenario's ranking, then calibration, findings, the captures, spec
/// tallies, the environment, the load client's ceiling, and every scenario in full with its plots.
/// </summary>
internal static class ReportComposer
{
    public static IReadOnlyList<Block> Compose(RunAnalysis analysis, IReadOnlyList<PlotFile> plots)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var blocks = new List<Block>();
        blocks.AddRange(VerdictSection.Compose(analysis, plots.FirstOrDefault(plot => plot.Kind == PlotKind.Overview)));
        blocks.AddRange(RunSections.Calibration(analysis.Run));
        blocks.AddRange(RunSections.Findings(analysis.Run));
        blocks.AddRange(CaptureSection.Compose(analysis.Run));
        blocks.AddRange(RunSections.Spec(analysis.Run));
        blocks.AddRange(RunSections.Environment(analysis.Run));
        blocks.AddRange(RunSections.Ceilings(analysis.Run));
        if (analysis.Scenarios.Count > 0)
        {
            blocks.Add(new Heading(2, "Scenarios"));
            foreach (var scenario in analysis.Scenarios)
            {
                blocks.AddRange(ScenarioSection.Compose(scenario, plots.Where(plot => plot.Kind != PlotKind.Overview && plot.Scenario == scenario.Scenario)));
            }
        }

        blocks.Add(new Paragraph($"Rendered from run.json ({analysis.Run.Schema}) by corslab report; every number above can be recomputed from it."));
        return blocks;
    }
}
