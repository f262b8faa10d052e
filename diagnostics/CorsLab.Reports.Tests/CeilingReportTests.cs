using CorsLab.Components;
using CorsLab.Results;
using CorsLab.Results.Testing;

namespace CorsLab.Reports.Tests;

/// <summary>The load client's ceiling in the report: its table, and the verdict's warning when a figure is within reach of it.</summary>
public sealed class CeilingReportTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData(19_000, true)]
    [InlineData(12_000, false)]
    public async Task Report_WarnsOnlyWhenAFigureIsWithinReachOfTheCeiling(double directRate, bool warned)
    {
        var run = new RunBuilder()
            .Target(TargetKinds.Direct, TargetKinds.Direct).Target("yarp")
            .Ceiling(ScenarioNames.Reuse, 20_000, 40)
            .Measure(TargetKinds.Direct, ScenarioNames.Reuse, 0, directRate, 55)
            .Measure("yarp", ScenarioNames.Reuse, 0, 9_000, 110)
            .Build();
        using var folder = await RunFolder.WriteAsync(run);

        var (exitCode, _, stderr) = await CorslabRun.RunAsync(["report", folder.Path], Bound);

        Assert.True(exitCode == 0, stderr);
        var report = folder.Read("report.md");
        Assert.Contains("## Load client ceiling", report, StringComparison.Ordinal);
        Assert.Contains("| reuse | max | 2000 | 20000 |", report, StringComparison.Ordinal);
        var verdict = report[..report.IndexOf("\n## ", StringComparison.Ordinal)];
        Assert.Equal(warned, verdict.Contains("This figure measures the load client", StringComparison.Ordinal));
        Assert.Equal(warned, verdict.Contains("direct · reuse (19000 req/s against a ceiling of 20000 req/s)", StringComparison.Ordinal));
    }
}
