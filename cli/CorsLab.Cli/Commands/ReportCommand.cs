using System.CommandLine;
using CorsLab.Cli.Usage;
using CorsLab.Reports;
using CorsLab.Results;

namespace CorsLab.Cli.Commands;

/// <summary><c>corslab report DIR</c>: re-renders a run folder's report.md, report.html and SVG plots from its run.json alone, and prints the run's summary and waterfalls.</summary>
internal static class ReportCommand
{
    private static readonly Argument<string> Folder = new("dir") { Description = "a run folder holding run.json, e.g. results/runs/<stamp>-investigate" };

    public static Command Create()
    {
        var command = new Command("report", "Re-render a run folder (report.md, report.html, SVG plots) from its run.json.");
        command.Arguments.Add(Folder);
        command.SetAction(RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var folder = parse.GetRequiredValue(Folder);
        RenderedReport report;
        try
        {
            report = await ReportRenderer.RenderAsync(folder, cancellationToken);
        }
        catch (RunInputException error)
        {
            throw new UsageException(error.Message);
        }

        RunSummary.Print(report.Analysis.Run);
        WaterfallConsole.Print(report.Analysis, Console.Out.WriteLine);
        var chosen = report.Analysis.Recommendation.Chosen;
        Console.Out.WriteLine($"report: {report.MarkdownPath}, {Path.GetFileName(report.HtmlPath)} and {report.PlotPaths.Count} plots" +
            (chosen is null ? "" : $"; verdict: {chosen.Target}{(report.Analysis.Recommendation.AllHaveConcerns ? " (every engine has a concern)" : "")}"));
        return ExitCodes.Success;
    }
}
