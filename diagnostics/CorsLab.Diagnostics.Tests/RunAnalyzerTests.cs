using CorsLab.Diagnostics.Findings;
using CorsLab.Diagnostics.Verdict;
using CorsLab.Results;
using CorsLab.Results.Testing;

namespace CorsLab.Diagnostics.Tests;

/// <summary>The verdict on its own: rankings, margins and the recommendation as data, weighing the rules' findings.</summary>
public sealed class RunAnalyzerTests
{
    [Fact]
    public void BothDrivers_RanksTheCorslabDriversMeasurements_WrkOnesCarryNoHistogram()
    {
        var built = new RunBuilder()
            .Target(TargetKinds.Direct, TargetKinds.Direct).Target("pipelines")
            .Measure(TargetKinds.Direct, ScenarioNames.SmallGet, 0, 60_000, 300)
            .Measure("pipelines", ScenarioNames.SmallGet, 0, 25_000, 1_000)
            .Build();
        var wrk = built.Measurements.Select(m => m with
        {
            Driver = DriverNames.Wrk,
            RequestsPerSecond = m.RequestsPerSecond * 10,
            Latency = new HistogramRecord(m.Requests, 1, 2, 3, 4, 4, 2, Encoded: ""),
        });
        var run = built with { Measurements = [.. built.Measurements, .. wrk] };

        var scenario = Assert.Single(RunAnalyzer.Analyze(run).Scenarios);

        Assert.Equal(DriverNames.Corslab, scenario.Driver);
        Assert.Equal(25_000, Assert.Single(scenario.Ranking).Stats.Throughput.Median);
    }

    [Fact]
    public void ClosedLoad_RanksByMedianThroughput_WithRatiosToTheFastest()
    {
        var scenario = RunAnalyzer.Analyze(RunBuilder.Lab().Build()).Scenarios[0];

        Assert.Equal(DecidingMetric.Throughput, scenario.Metric);
        Assert.Equal(["pipelines", "yarp", "httpclient"], scenario.Ranking.Select(ranked => ranked.Stats.Target));
        Assert.Equal(1.0, scenario.Ranking[0].ThroughputRatio);
        Assert.Equal(12_100.0 / 15_100, scenario.Ranking[1].ThroughputRatio, 6);
        Assert.Equal(new Spread(15_100, 15_000, 15_200, 3), scenario.Ranking[0].Stats.Throughput);
        Assert.Equal(Margin.Clear, scenario.Margin);
        Assert.Equal(TargetKinds.Direct, scenario.Direct?.Target);
    }

    [Fact]
    public void OpenLoad_RanksByP99_WhenThroughputIsTheOfferedRate()
    {
        var builder = new RunBuilder().Target(TargetKinds.Direct, TargetKinds.Direct).Target("httpclient").Target("yarp");
        for (var repeat = 0; repeat < 3; repeat++)
        {
            builder.Measure("httpclient", "steady", repeat, 500, 900, RunBuilder.Open)
                .Measure("yarp", "steady", repeat, 500, 400, RunBuilder.Open)
                .Measure(TargetKinds.Direct, "steady", repeat, 500, 150, RunBuilder.Open);
        }

        var scenario = RunAnalyzer.Analyze(builder.Build()).Scenarios.Single();

        Assert.Equal(DecidingMetric.TailLatency, scenario.Metric);
        Assert.Equal(["yarp", "httpclient"], scenario.Ranking.Select(ranked => ranked.Stats.Target));
        Assert.True(scenario.Ranking[1].P99Ratio > 2);
    }

    [Fact]
    public void BufferingEngine_CarriesTheRulesFinding_AndIsNotRecommended()
    {
        var analysis = RunAnalyzer.Analyze(Judged(RunBuilder.Lab().Build()));

        var flagged = analysis.Scenarios.SelectMany(scenario => scenario.Ranking.SelectMany(ranked => ranked.Findings.Select(finding => (scenario.Scenario, finding))))
            .Where(entry => entry.finding.Id != ProxyOverheadRule.FindingId)
            .ToList();
        var (scenario, finding) = Assert.Single(flagged);
        Assert.Equal(("httpclient", ScenarioNames.Drip, ResponseBufferingRule.FindingId), (finding.Target, scenario, finding.Id));
        Assert.Equal("pipelines", analysis.Recommendation.Chosen?.Target);
        Assert.False(analysis.Recommendation.Candidates.Single(candidate => candidate.Target == "httpclient").Qualified);
    }

    [Fact]
    public void WithoutFindings_NoBehaviourIsNamed_EvenOnBufferedLookingNumbers()
    {
        // The verdict judges nothing itself: the same measurements with the findings left out name nobody.
        var analysis = RunAnalyzer.Analyze(RunBuilder.Lab().Build() with { Findings = [] });

        Assert.All(analysis.Scenarios.SelectMany(scenario => scenario.Ranking), ranked => Assert.Empty(ranked.Findings));
        Assert.True(analysis.Recommendation.Candidates.Single(candidate => candidate.Target == "httpclient").Qualified);
    }

    [Fact]
    public void InfoFindings_DoNotDisqualify()
    {
        var builder = new RunBuilder().Target("yarp").Target("pipelines");
        builder.Measure("yarp", "small", 0, 900, 200).Measure("pipelines", "small", 0, 1_000, 200)
            .Finding("pipelines", ProxyOverheadRule.FindingId, "info", "adds 0.1 ms", "none", scenario: "small");

        var analysis = RunAnalyzer.Analyze(builder.Build());

        Assert.Equal("pipelines", analysis.Recommendation.Chosen?.Target);
        Assert.All(analysis.Recommendation.Candidates, candidate => Assert.True(candidate.Qualified));
    }

    [Fact]
    public void FailingFast_RanksLast_AndIsNotRecommended()
    {
        var builder = new RunBuilder().Target("direct", TargetKinds.Direct).Target("yarp").Target("broken");
        builder.Measure("direct", "small", 0, 20_000, 50)
            .Measure("yarp", "small", 0, 900, 200)
            .Measure("broken", "small", 0, 5_000, 50, errors: new Dictionary<string, long> { ["status-5xx"] = 1_000 });

        var analysis = RunAnalyzer.Analyze(Judged(builder.Build()));

        Assert.Equal(["yarp", "broken"], analysis.Scenarios.Single().Ranking.Select(ranked => ranked.Stats.Target));
        Assert.Equal("yarp", analysis.Recommendation.Chosen?.Target);
    }

    [Fact]
    public void ErrorsDirectHasToo_AreTheScenarios_NotTheEngines()
    {
        // The errors scenario: refused and reset upstreams fail direct as much as through any proxy.
        var builder = new RunBuilder().Target("direct", TargetKinds.Direct).Target("yarp");
        builder.Measure("direct", "errors", 0, 5_000, 50, errors: new Dictionary<string, long> { ["reset"] = 2_000 })
            .Measure("yarp", "errors", 0, 3_000, 80, errors: new Dictionary<string, long> { ["reset"] = 1_000 });

        var analysis = RunAnalyzer.Analyze(Judged(builder.Build()));

        Assert.DoesNotContain(analysis.Run.Findings, finding => finding.Id == RequestErrorsRule.FindingId);
        Assert.Equal("yarp", analysis.Recommendation.Chosen?.Target);
    }

    [Fact]
    public void OverlappingRepeats_LeaveFirstPlaceWithinSpread()
    {
        var builder = new RunBuilder().Target("yarp").Target("pipelines");
        foreach (var (repeat, yarp, pipelines) in new[] { (0, 1_000, 1_020), (1, 1_050, 990), (2, 1_010, 1_030) })
        {
            builder.Measure("yarp", "small", repeat, yarp, 300).Measure("pipelines", "small", repeat, pipelines, 300);
        }

        var analysis = RunAnalyzer.Analyze(builder.Build());

        Assert.Equal(Margin.WithinSpread, analysis.Scenarios.Single().Margin);
        Assert.Equal(["small"], analysis.Recommendation.UnsettledScenarios);
    }

    [Fact]
    public void OneRepeat_IsACaveat()
    {
        var builder = new RunBuilder().Target("yarp").Target("pipelines");
        builder.Measure("yarp", "small", 0, 1_000, 300).Measure("pipelines", "small", 0, 1_100, 300);

        var analysis = RunAnalyzer.Analyze(builder.Build());

        Assert.Contains(RunCaveat.SingleRepeat, analysis.Caveats);
        Assert.Equal(Margin.SingleRepeat, analysis.Scenarios.Single().Margin);
    }

    [Fact]
    public void MergedHistogram_CountsEveryRepeat()
    {
        var stats = RunAnalyzer.Analyze(RunBuilder.Lab().Build()).Scenarios[0].Ranking[0].Stats;

        Assert.Equal(3 * 2_000, stats.Merged.Count);
        Assert.Equal(3, stats.Repeats);
    }

    [Fact]
    public void LateLoadClient_IsACaveat_NamingThePhase_AndOnTimeIsNot()
    {
        var builder = new RunBuilder().Target("yarp");
        builder.Measure("yarp", "small", 0, 500, 300, RunBuilder.Open).Measure("yarp", "other", 0, 500, 300, RunBuilder.Open);
        var run = builder.Build();
        run = run with
        {
            Measurements = run.Measurements.Select(m => m with { SendLateness = Lateness(m.Scenario == "small" ? 5_000 : 60) }).ToList(),
        };

        var analysis = RunAnalyzer.Analyze(run);

        Assert.Contains(RunCaveat.LoadClientLate, analysis.Caveats);
        Assert.Equal(["small"], analysis.LatePhases.Select(phase => phase.Scenario));
        Assert.DoesNotContain(RunCaveat.LoadClientLate, RunAnalyzer.Analyze(builder.Build()).Caveats);
    }

    private static HistogramRecord Lateness(long p99Micros)
    {
        var histogram = HistogramRecords.CreateMicroseconds();
        for (var i = 0; i < 1_000; i++)
        {
            histogram.RecordValue(i < 980 ? 30 : p99Micros);
        }

        return HistogramRecords.From(histogram);
    }

    /// <summary>The run as investigate writes it: measurements, then the rules' findings.</summary>
    private static RunDocument Judged(RunDocument run) => run with { Findings = FindingRules.Evaluate(run) };
}
