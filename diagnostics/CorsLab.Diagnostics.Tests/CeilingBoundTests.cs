using CorsLab.Diagnostics.Verdict;
using CorsLab.Results;
using CorsLab.Results.Testing;

namespace CorsLab.Diagnostics.Tests;

/// <summary>A figure within a fifth of the load client's ceiling is flagged as measuring the client, on the deciding metric.</summary>
public sealed class CeilingBoundTests
{
    [Fact]
    public void ClosedModel_DirectWithinAFifthOfTheCeilingRate_IsFlagged_EngineFarBelowIsNot()
    {
        var run = new RunBuilder()
            .Target(TargetKinds.Direct, TargetKinds.Direct).Target("yarp")
            .Ceiling(ScenarioNames.Reuse, 20_000, 40)
            .Measure(TargetKinds.Direct, ScenarioNames.Reuse, 0, 17_000, 55)
            .Measure("yarp", ScenarioNames.Reuse, 0, 9_000, 110)
            .Build();

        var bound = Assert.Single(CeilingBound.Find(run));
        Assert.Equal(TargetKinds.Direct, bound.Measurement.Target);
        Assert.Equal(DecidingMetric.Throughput, bound.Metric);
        Assert.Contains(RunCaveat.NearLoadClientCeiling, RunAnalyzer.Analyze(run).Caveats);
    }

    [Fact]
    public void OpenModel_JudgesP50_NotTheOfferedRate()
    {
        // Every target completes the offered 1,000/s, as the ceiling does; only the p50 tells the client's floor apart.
        var run = new RunBuilder()
            .Target(TargetKinds.Direct, TargetKinds.Direct).Target("pipelines")
            .Ceiling(ScenarioNames.SmallGet, 1_000, 200, RunBuilder.Open)
            .Measure(TargetKinds.Direct, ScenarioNames.SmallGet, 0, 1_000, 230, RunBuilder.Open)
            .Measure("pipelines", ScenarioNames.SmallGet, 0, 1_000, 400, RunBuilder.Open)
            .Build();

        var bound = Assert.Single(CeilingBound.Find(run));
        Assert.Equal(TargetKinds.Direct, bound.Measurement.Target);
        Assert.Equal(DecidingMetric.TailLatency, bound.Metric);
    }

    [Fact]
    public void EveryRepeatNearTheCeiling_IsFlaggedOnce()
    {
        var run = new RunBuilder()
            .Target(TargetKinds.Direct, TargetKinds.Direct)
            .Ceiling(ScenarioNames.Reuse, 20_000, 40)
            .Measure(TargetKinds.Direct, ScenarioNames.Reuse, 0, 19_000, 45)
            .Measure(TargetKinds.Direct, ScenarioNames.Reuse, 1, 19_500, 44)
            .Build();

        Assert.Single(CeilingBound.Find(run));
    }

    [Fact]
    public void NoCeilingForTheScenario_NothingIsFlagged()
    {
        var run = new RunBuilder()
            .Target(TargetKinds.Direct, TargetKinds.Direct)
            .Ceiling(ScenarioNames.Reuse, 20_000, 40)
            .Measure(TargetKinds.Direct, ScenarioNames.Drip, 0, 100, 80_000)
            .Build();

        Assert.Empty(CeilingBound.Find(run));
        Assert.DoesNotContain(RunCaveat.NearLoadClientCeiling, RunAnalyzer.Analyze(run).Caveats);
    }
}
