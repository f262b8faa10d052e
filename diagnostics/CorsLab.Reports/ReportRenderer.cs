using System.Text;
using CorsLab.Diagnostics.Verdict;
using CorsLab.Reports.Exporters;
using CorsLab.Reports.Exporters.Composing;
using CorsLab.Reports.Exporters.Plots;
using CorsLab.Results;

namespace CorsLab.Reports;

/// <summary>
/// Renders a run folder from its <c>run.json</c> alone: read → analyse (data) → export (SVG plots, report.md,
/// report.html), all written into the folder. Rendering twice gives the same files.
/// </summary>
public static class ReportRenderer
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <exception cref="RunInputException">The folder or its run.json cannot be read as a run this renderer knows.</exception>
    public static async Task<RenderedReport> RenderAsync(string directory, CancellationToken cancellationToken = default)
    {
        var run = await RunReader.ReadAsync(directory, cancellationToken);
        var analysis = RunAnalyzer.Analyze(run);
        var plots = SvgPlotExporter.Render(analysis);
        var blocks = ReportComposer.Compose(analysis, plots);

        var written = new List<string>();
        foreach (var plot in plots)
        {
            written.Add(await WriteAsync(directory, plot.FileName, plot.Svg, cancellationToken));
        }

        var markdown = await WriteAsync(directory, MarkdownExporter.FileName, MarkdownExporter.Export(blocks), cancellationToken);
        var html = await WriteAsync(
            directory,
            HtmlExporter.FileName,
            HtmlExporter.Export($"CorsLab run {run.Name}", blocks, plots.ToDictionary(plot => plot.FileName, plot => plot.Svg, StringComparer.Ordinal)),
            cancellationToken);
        return new RenderedReport(analysis, markdown, html, written);
    }

    private static async Task<string> WriteAsync(string directory, string fileName, string content, CancellationToken cancellationToken)
    {
        var path = Path.Combine(directory, fileName);
        await File.WriteAllTextAsync(path, content, Utf8, cancellationToken);
        return path;
    }
}

/// <summary>What <see cref="ReportRenderer"/> wrote, and the analysis it wrote from.</summary>
public sealed record RenderedReport(RunAnalysis Analysis, string MarkdownPath, string HtmlPath, IReadOnlyList<string> PlotPaths);
