using System.Text;
using CorsLab.Diagnostics.Verdict;
using CorsLab.Reports.Waterfalls;
using ScottPlot;

namespace CorsLab.Reports.Exporters.Plots;

/// <summary>
/// Renders the plots of a run with ScottPlot, headless, to SVG: the run's overview against direct, then per scenario the latency percentile curves, throughput
/// bars against the direct reference, the first-byte gap, the waterfall of the median and p99 request, the per-second rate and p99 of each target's median
/// repeat, and each engine's CPU and allocation per second from its exported counters. A plot with nothing to show is left out.
/// </summary>
internal static class SvgPlotExporter
{
    public const string OverviewCaption =
        "Each scenario's deciding metric relative to the direct origin: time per request (direct's req/s over the target's) for closed load, p99 over direct's p99 for open load. Medians over repeats. " +
        "A bar below 1 was measured faster than direct: noise or the lab's own limits (see the caveats above), not a proxy that speeds the origin up.";

    public static IReadOnlyList<PlotFile> Render(RunAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var colors = new TargetColors(analysis.Run);
        var files = new List<PlotFile>();
        if (OverviewPlot.Create(analysis, colors) is { } overview)
        {
            files.Add(new PlotFile("", PlotKind.Overview, OverviewPlot.FileName, OverviewCaption, PlotCanvas.ToSvg(overview, "overview", PlotCanvas.OverviewHeight)));
        }

        foreach (var scenario in analysis.Scenarios)
        {
            var slug = Slug(scenario.Scenario);
            Add(PlotKind.Latency, $"latency-{slug}.svg", $"{scenario.Scenario}: latency by percentile", LatencyPlot.Create(scenario, colors));
            Add(PlotKind.Throughput, $"throughput-{slug}.svg", $"{scenario.Scenario}: throughput, median of repeats with min–max", ThroughputPlot.Create(scenario, colors));
            Add(PlotKind.FirstByteGap, $"first-byte-gap-{slug}.svg", $"{scenario.Scenario}: origin's first byte out → client's first byte in", FirstByteGapPlot.Create(scenario, colors));
            if (ScenarioWaterfall.Of(scenario) is { } waterfall)
            {
                Add(PlotKind.Waterfall, $"waterfall-{slug}.svg", WaterfallCaption(waterfall), WaterfallPlot.Create(waterfall));
            }

            Add(PlotKind.RateSeries, $"rate-{slug}.svg", $"{scenario.Scenario}: completions per second (median repeat)", SeriesPlot.Rate(scenario, colors));
            Add(PlotKind.P99Series, $"p99-{slug}.svg", $"{scenario.Scenario}: p99 per second (median repeat)", SeriesPlot.P99(scenario, colors));
            Add(PlotKind.CpuSeries, $"cpu-{slug}.svg", $"{scenario.Scenario}: each engine's CPU per second, from its own counters (median repeat)", CounterPlot.Cpu(scenario, colors));
            Add(PlotKind.AllocationSeries, $"allocation-{slug}.svg", $"{scenario.Scenario}: each engine's managed allocation per second, from its own counters (median repeat)", CounterPlot.Allocation(scenario, colors));

            void Add(PlotKind kind, string fileName, string caption, Plot? plot)
            {
                if (plot is not null)
                {
                    files.Add(new PlotFile(scenario.Scenario, kind, fileName, caption, PlotCanvas.ToSvg(plot, Path.GetFileNameWithoutExtension(fileName))));
                }
            }
        }

        return files;
    }

    private static string WaterfallCaption(ScenarioWaterfall waterfall)
    {
        var caption = $"{waterfall.Scenario}: the median and p99 request of each target's median repeat, from the client's send to its last byte, direct below";
        return waterfall.P99TooFew.Count == 0
            ? caption
            : $"{caption}; no p99 request for {string.Join(", ", waterfall.P99TooFew)} ({SampleSize.TooFew}: a p99 needs {SampleSize.BeyondTail} joined requests beyond it)";
    }

    /// <summary>A scenario name as a file name: lower-case letters, digits and single dashes.</summary>
    public static string Slug(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var character in name.ToLowerInvariant())
        {
            var keep = char.IsAsciiLetterOrDigit(character) ? character : '-';
            if (keep != '-' || (builder.Length > 0 && builder[^1] != '-'))
            {
                builder.Append(keep);
            }
        }

        var slug = builder.ToString().Trim('-');
        return slug.Length == 0 ? "scenario" : slug;
    }
}
