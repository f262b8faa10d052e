using CorsLab.Diagnostics.Findings;

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
