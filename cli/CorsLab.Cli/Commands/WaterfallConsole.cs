using CorsLab.Cli.Diagnose;
using CorsLab.Diagnostics.Verdict;
using CorsLab.Reports.Waterfalls;

namespace CorsLab.Cli.Commands;

/// <summary>
/// The waterfall of each scenario's median and p99 request as console text (<see cref="WaterfallTimeline"/>), the
/// same requests the report draws: after bench, investigate and report for every scenario of the run, after
/// diagnose for the target above direct in each scenario. Scenarios without joined requests print nothing.
/// </summary>
internal static class WaterfallConsole
{
    public static void Print(RunAnalysis analysis, Action<string> writeLine)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        Print(analysis.Scenarios.Select(ScenarioWaterfall.Of), writeLine);
    }

    public static void Print(Diagnosis diagnosis)
    {
        ArgumentNullException.ThrowIfNull(diagnosis);
        Print(
            diagnosis.Measurements.Select(measured => ScenarioWaterfall.Of(measured.Scenario, diagnosis.Direct.Where(direct => direct.Scenario == measured.Scenario).Prepend(measured))),
            Console.Out.WriteLine);
    }

    private static void Print(IEnumerable<ScenarioWaterfall?> waterfalls, Action<string> writeLine)
    {
        foreach (var waterfall in waterfalls.OfType<ScenarioWaterfall>())
        {
            foreach (var line in WaterfallTimeline.Lines(waterfall))
            {
                writeLine(line);
            }

            writeLine("");
        }
    }
}
