using CorsLab.Diagnostics.Findings;

namespace CorsLab.Diagnostics.Tests;

public sealed class ConnectionPoolLimitRuleTests
{
    private readonly ConnectionPoolLimitRule _rule = new();

    [Fact]
    public void RequestsWaitBeforeReachingTheOrigin_FindingWithTheKnee()
    {
        // The origin takes 80 ms (Measurements.Three); 240 ms end to end with 160 ms queued before it.
        var target = Measurements.Of("t", "pool-probe", Measurements.Around(240_000, 200), Measurements.Three(joined: 200, inboundP50: 160_000));
        var direct = Measurements.Of("direct", "pool-probe", Measurements.Around(81_000, 200), Measurements.Three(joined: 200, inboundP50: 300));

        var finding = _rule.Evaluate(Measurements.Evidence(target, direct));

        Assert.NotNull(finding);
        Assert.Equal(FindingSeverity.Critical, finding.Severity);
        Assert.Equal("160.0 ms", finding.Evidence["inboundDelay.p50"]);
        Assert.True(finding.Evidence.ContainsKey("estimatedUpstreamConcurrency"));
    }

    [Fact]
    public void RequestsReachTheOriginAtOnce_NoFinding()
    {
        var target = Measurements.Of("t", "pool-probe", Measurements.Around(82_000, 200), Measurements.Three(joined: 200, inboundP50: 700));
        var direct = Measurements.Of("direct", "pool-probe", Measurements.Around(81_000, 200), Measurements.Three(joined: 200, inboundP50: 300));

        Assert.Null(_rule.Evaluate(Measurements.Evidence(target, direct)));
    }

    [Fact]
    public void ASmallWaitAgainstASlowOrigin_NoFinding()
    {
        // 15 ms before an 80 ms origin: under both the absolute and the relative bar.
        var target = Measurements.Of("t", "pool-probe", Measurements.Around(96_000, 200), Measurements.Three(joined: 200, inboundP50: 15_000));
        Assert.Null(_rule.Evaluate(Measurements.Evidence(target, null)));
    }
}
