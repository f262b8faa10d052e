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
        Assert.Equal("0.4 ms", finding.Evidence["inbound.added.p50"]);
        Assert.Equal("0.2 ms", finding.Evidence["lastByteGap.added.p50"]);
        Assert.StartsWith("0.6", finding.Evidence["added.p50"], StringComparison.Ordinal);
        Assert.Contains("way in", finding.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void NoDirect_NoFinding()
    {
        var target = Measurements.Of("t", "small-get", Measurements.Around(1_000, 200));
        Assert.Null(new ProxyOverheadRule().Evaluate(Measurements.Evidence(target, null)));
    }
}
