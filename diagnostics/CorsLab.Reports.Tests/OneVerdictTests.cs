using CorsLab.Components;
using CorsLab.Diagnostics.Findings;
using CorsLab.Results;
using CorsLab.Results.Testing;

namespace CorsLab.Reports.Tests;

/// <summary>
/// One verdict: the finding rules judge, and the report's verdict, its Findings section and the console summary of
/// <c>corslab report</c> all say what the rules said, and say nothing the rules did not.
/// </summary>
public sealed class OneVerdictTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task BufferingRuleFires_VerdictFindingsSectionAndConsoleAllNameIt()
    {
        var run = Judged(RunBuilder.Lab(httpclientBuffers: true).Build());
        Assert.Contains(run.Findings, finding => (finding.Target, finding.Id) == ("httpclient", ResponseBufferingRule.FindingId));
        using var folder = await RunFolder.WriteAsync(run);

        var (exitCode, stdout, stderr) = await CorslabRun.RunAsync(["report", folder.Path], Bound);

        Assert.True(exitCode == 0, stderr);
        var report = folder.Read("report.md");
        var verdict = Section(report, "# Verdict", "\n## ");
        Assert.Contains("httpclient has the finding response-buffering", verdict, StringComparison.Ordinal);
        Assert.Contains("response-buffering (critical)", verdict, StringComparison.Ordinal);
        Assert.Contains("`response-buffering`", Section(report, "## Findings", "\n## "), StringComparison.Ordinal);
        Assert.Contains("httpclient: critical response-buffering:", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BufferingRuleSilent_NoneOfThemNamesIt()
    {
        var run = Judged(RunBuilder.Lab(httpclientBuffers: false).Build());
        Assert.DoesNotContain(run.Findings, finding => finding.Id == ResponseBufferingRule.FindingId);
        using var folder = await RunFolder.WriteAsync(run);

        var (exitCode, stdout, stderr) = await CorslabRun.RunAsync(["report", folder.Path], Bound);

        Assert.True(exitCode == 0, stderr);
        foreach (var text in new[] { folder.Read("report.md"), stdout })
        {
            Assert.DoesNotContain(ResponseBufferingRule.FindingId, text, StringComparison.Ordinal);
            Assert.DoesNotContain("buffers", text, StringComparison.OrdinalIgnoreCase);
        }
    }

    private static RunDocument Judged(RunDocument run) => run with { Findings = FindingRules.Evaluate(run) };

    /// <summary>The text from the first line starting with <paramref name="heading"/> to the next line starting with <paramref name="next"/>.</summary>
    private static string Section(string markdown, string heading, string next)
    {
        var start = markdown.IndexOf(heading, StringComparison.Ordinal);
        Assert.True(start >= 0, $"no '{heading}' in report.md");
        var end = markdown.IndexOf(next, start + heading.Length, StringComparison.Ordinal);
        return end < 0 ? markdown[start..] : markdown[start..end];
    }
}
