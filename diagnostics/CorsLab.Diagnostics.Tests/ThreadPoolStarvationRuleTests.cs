using CorsLab.Diagnostics.Findings;
using CorsLab.Results;

namespace CorsLab.Diagnostics.Tests;

public sealed class ThreadPoolStarvationRuleTests
{
    private readonly ThreadPoolStarvationRule _rule = new();

    [Fact]
    public void ThreadsInjectedForBlocking_AreCritical_WithTheGrowth()
    {
        var finding = _rule.Evaluate(Captures.Evidence(Captures.Quiet(200) with
        {
            ThreadPoolAdjustments = 300, BlockingAdjustments = 290, WorkerThreadsFirst = 4, WorkerThreadsMax = 17,
        }));

        Assert.Equal(FindingSeverity.Critical, finding?.Severity);
        Assert.Equal("1.45", finding!.Evidence["injectionsPerRequest"]);
        Assert.Equal("17", finding.Evidence["workerThreads.max"]);
    }

    [Fact]
    public void ExportedCounters_AddTheQueueDepth()
    {
        var measured = Measurements.Of("engine", ScenarioNames.NamedGet, Measurements.Around(2000, 100)) with
        {
            Capture = Captures.Quiet(200) with { ThreadPoolAdjustments = 10, BlockingAdjustments = 5 },
            Counters =
            [
                new(CounterNames.ThreadPoolQueue, CounterStatistics.Value, "{work_item}", [new(0, 3), new(1, 41), new(2, 12)]),
                new(CounterNames.ThreadPoolThreads, CounterStatistics.Value, "{thread}", [new(0, 6), new(1, 14), new(2, 15)]),
            ],
        };
        var direct = Measurements.Of("direct", ScenarioNames.NamedGet, Measurements.Around(1000, 100));

        var finding = _rule.Evaluate(new TargetEvidence("engine", [measured], [direct]))!;

        Assert.Equal("41", finding.Evidence["counters.threadPoolQueue.peak"]);
        Assert.Equal("15", finding.Evidence["counters.threadPoolThreads.peak"]);
        Assert.Contains("up to 41 work items queued for a thread, 15 pool threads at most.", finding.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutCounters_NoQueueDepth() =>
        Assert.False(_rule.Evaluate(Captures.Evidence(Captures.Quiet(200) with { ThreadPoolAdjustments = 10, BlockingAdjustments = 5 }))!.Evidence.ContainsKey("counters.threadPoolQueue.peak"));

    [Fact]
    public void OneStarvationInjection_IsWarn()
    {
        Assert.Equal(FindingSeverity.Warn, _rule.Evaluate(Captures.Evidence(Captures.Quiet() with { ThreadPoolAdjustments = 3, StarvationAdjustments = 1 }))?.Severity);
    }

    [Fact]
    public void HillClimbingAlone_IsNoFinding()
    {
        Assert.Null(_rule.Evaluate(Captures.Evidence(Captures.Quiet() with { ThreadPoolAdjustments = 12, WorkerThreadsFirst = 2, WorkerThreadsMax = 9 })));
    }
}
