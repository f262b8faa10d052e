using CorsLab.Diagnostics.Findings;

namespace CorsLab.Diagnostics.Tests;

public sealed class ProxyOverheadRuleTests
{
    [Fact]
    public void AddedLatency_SplitInAndOut_Info()
    {
        var target = Measurements.Of("yarp", "small-get", Measurements.Around(1_000, 200), Measurements.Three(joined: 200, inboundP50: 500, firstByteGapP50: 300));
        var direct = Measurements.Of("direct", "small-get", Measurements.Around(400, 200), Measurements.Three(joined: 200, inboundP50: 100, firstByteGapP50: 100));

        var finding = new ProxyOverheadRule().Evaluate(Measurements.Evidence(target, direct));

        Assert.NotNull(finding);
        Assert.Equal(FindingSeverity.Info, finding.Severity);
        Assert.Equal("+0.4 ms", finding.Evidence["inbound.added.p50"]);
        Assert.Equal("+0.2 ms", finding.Evidence["lastByteGap.added.p50"]);
        Assert.StartsWith("+0.6", finding.Evidence["added.p50"], StringComparison.Ordinal);
        Assert.Contains("way in", finding.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void NoDirect_NoFinding()
    {
        var target = Measurements.Of("t", "small-get", Measurements.Around(1_000, 200));
        Assert.Null(new ProxyOverheadRule().Evaluate(Measurements.Evidence(target, null)));
    }

    [Fact]
    public void TargetIdenticalToDirect_IsNotDistinguishable_NeverNegative()
    {
        var target = Measurements.Of("t", "small-get", Measurements.Around(400, 2_000), Measurements.Three(joined: 200, inboundP50: 100, firstByteGapP50: 100));
        var direct = Measurements.Of("direct", "small-get", Measurements.Around(400, 2_000), Measurements.Three(joined: 200, inboundP50: 100, firstByteGapP50: 100));

        var finding = new ProxyOverheadRule().Evaluate(Measurements.Evidence(target, direct));

        Assert.NotNull(finding);
        Assert.StartsWith("not distinguishable from direct (±", finding.Evidence["added.p50"], StringComparison.Ordinal);
        Assert.Contains("not distinguishable from direct", finding.Summary, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"(^|[^\w])[-−]\d", finding.Summary);
        Assert.DoesNotMatch(@"(^|[^\w])[-−]\d", string.Join(" ", finding.Evidence.Values));
    }

    [Fact]
    public void TargetFasterThanDirect_IsReportedAsNotMeasurable_NotAsANegativeOverhead()
    {
        var target = Measurements.Of("t", "small-get", Measurements.Around(300, 2_000));
        var direct = Measurements.Of("direct", "small-get", Measurements.Around(900, 2_000));

        var added = AddedLatency.Of(target.Latency, direct.Latency, 50);

        Assert.True(added.BelowDirect);
        Assert.False(added.AboveDirect);
        Assert.StartsWith("not measurable", added.Describe(), StringComparison.Ordinal);
        Assert.DoesNotMatch(@"(^|[^\w])[-−]\d", added.Describe());
    }

    [Fact]
    public void ClearlySlowerTarget_GetsAnIntervalAboveZero()
    {
        var added = AddedLatency.Of(
            Measurements.Of("t", "small-get", Measurements.Around(1_000, 2_000)).Latency,
            Measurements.Of("direct", "small-get", Measurements.Around(400, 2_000)).Latency,
            50);

        Assert.True(added.AboveDirect);
        Assert.InRange(added.Added, 500, 700);
        Assert.True(added.Low <= added.Added && added.Added <= added.High);
        Assert.StartsWith("+0.6", added.Describe(), StringComparison.Ordinal);
    }
}
