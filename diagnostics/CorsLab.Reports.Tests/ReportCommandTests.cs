using CorsLab.Components;
using CorsLab.Results;
using CorsLab.Results.Testing;

namespace CorsLab.Reports.Tests;

/// <summary><c>corslab report</c> as a real process: bad input is one line and exit 2; a run folder renders.</summary>
public sealed class ReportCommandTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task MissingFolder_Exits2_WithOneLine()
    {
        var (exitCode, _, stderr) = await CorslabRun.RunAsync(["report", "/nonexistent/corslab-run"], Bound);

        Assert.Equal(2, exitCode);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("corslab: /nonexistent/corslab-run: no such run folder", line);
    }

    [Fact]
    public async Task UnknownSchema_Exits2_NamingTheSupportedOne()
    {
        using var folder = RunFolder.Empty();
        await File.WriteAllTextAsync(Path.Combine(folder.Path, RunWriter.FileName), "{ \"schema\": \"corslab.run/9\" }");

        var (exitCode, _, stderr) = await CorslabRun.RunAsync(["report", folder.Path], Bound);

        Assert.Equal(2, exitCode);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("corslab.run/1", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunFolder_RendersAndNamesTheVerdict()
    {
        using var folder = await RunFolder.WriteAsync(RunBuilder.Lab().Build());

        var (exitCode, stdout, stderr) = await CorslabRun.RunAsync(["report", folder.Path], Bound);

        Assert.True(exitCode == 0, stderr);
        Assert.Contains("verdict: pipelines", stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(folder.Path, "report.md")));
        Assert.True(File.Exists(Path.Combine(folder.Path, "report.html")));
    }

    [Fact]
    public async Task RunFolder_PrintsTheWaterfallOfScenariosWithJoinedRequests()
    {
        using var folder = await RunFolder.WriteAsync(RunBuilder.Lab().Build());

        var (exitCode, stdout, stderr) = await CorslabRun.RunAsync(["report", folder.Path], Bound);

        Assert.True(exitCode == 0, stderr);
        Assert.Contains("drip: where the time goes, 0 to 13.6 ms from the client's send", stdout, StringComparison.Ordinal);
        Assert.Contains("  httpclient p99 |", stdout, StringComparison.Ordinal);
        Assert.Contains("  direct p50     |", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("small-get: where the time goes", stdout, StringComparison.Ordinal);
    }
}
