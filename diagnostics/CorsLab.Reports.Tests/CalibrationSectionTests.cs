using CorsLab.Components;
using CorsLab.Diagnostics.Calibration;
using CorsLab.Results.Testing;

namespace CorsLab.Reports.Tests;

/// <summary>A calibrated run's report shows each point as judged in run.json, between the verdict and the findings.</summary>
public sealed class CalibrationSectionTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData(500, 800, "lands")]
    [InlineData(100, 500, "**missed**")]
    public async Task Report_ShowsEachPointAndItsVerdict(double added, double targetP50, string verdict)
    {
        var run = RunBuilder.Calibrated(added, referenceP50: 300, targetP50).Build();
        run = run with { Calibration = run.Calibration! with { Results = CalibrationJudge.Evaluate(run) } };
        using var folder = await RunFolder.WriteAsync(run);

        var (exitCode, _, stderr) = await CorslabRun.RunAsync(["report", folder.Path], Bound);

        Assert.True(exitCode == 0, stderr);
        var report = folder.Read("report.md");
        var start = report.IndexOf("## Calibration", StringComparison.Ordinal);
        Assert.True(start > report.IndexOf("# Verdict", StringComparison.Ordinal), "no Calibration section after the verdict");
        var section = report[start..report.IndexOf("\n## ", start + 5, StringComparison.Ordinal)];
        var row = Assert.Single(section.Split('\n'), line => line.StartsWith("| `pipelines`", StringComparison.Ordinal));
        Assert.Contains($"{added:0} µs", row, StringComparison.Ordinal);
        Assert.Contains(verdict, row, StringComparison.Ordinal);
        Assert.Contains("(95 %:", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UncalibratedRun_HasNoCalibrationSection()
    {
        using var folder = await RunFolder.WriteAsync(RunBuilder.Lab().Build());

        var (exitCode, _, stderr) = await CorslabRun.RunAsync(["report", folder.Path], Bound);

        Assert.True(exitCode == 0, stderr);
        Assert.DoesNotContain("## Calibration", folder.Read("report.md"), StringComparison.Ordinal);
    }
}
