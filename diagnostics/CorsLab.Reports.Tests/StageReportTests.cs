using CorsLab.Results;
using CorsLab.Results.Testing;

namespace CorsLab.Reports.Tests;

/// <summary>The stage breakdown from the engines' spans: a table in the scenario's section when a measurement has one, nothing otherwise.</summary>
public sealed class StageReportTests
{
    [Fact]
    public async Task MeasurementWithStages_RendersTheStageTable()
    {
        var run = Lab();
        run = run with
        {
            Measurements = run.Measurements.Select(m => m.Target == "yarp"
                ? m with { Stages = new StageBreakdown { TracedRequests = 120, InProxyMs = 0.05, ConnectMs = 0, HeadWaitMs = 1.5, BodyCopyMs = null } }
                : m).ToArray(),
        };
        using var folder = await RunFolder.WriteAsync(run);

        await ReportRenderer.RenderAsync(folder.Path);

        var report = folder.Read("report.md");
        Assert.Contains("**Stages inside the engine**", report, StringComparison.Ordinal);
        Assert.Contains("| `yarp` | 0 | 120 | 50 µs | 0 | 1.50 ms | — |", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunWithoutStages_HasNoStageTable()
    {
        using var folder = await RunFolder.WriteAsync(Lab());

        await ReportRenderer.RenderAsync(folder.Path);

        Assert.DoesNotContain("Stages inside the engine", folder.Read("report.md"), StringComparison.Ordinal);
    }

    private static RunDocument Lab() => new RunBuilder()
        .Target(TargetKinds.Direct, TargetKinds.Direct).Target("yarp")
        .Measure(TargetKinds.Direct, ScenarioNames.SmallGet, 0, 9_000, 100)
        .Measure("yarp", ScenarioNames.SmallGet, 0, 8_000, 150)
        .Build();
}
