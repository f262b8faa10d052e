using CorsLab.Diagnostics.Findings;
using CorsLab.Results;

namespace CorsLab.Diagnostics.Tests;

public sealed class NagleDelayRuleTests
{
    private readonly NagleDelayRule _rule = new();

    [Fact]
    public void LatenciesAt40ms_DirectSubMillisecond_Critical()
    {
        var target = Measurements.Of("pipelines", "reuse", Measurements.Around(42_000, 30));
        var direct = Measurements.Of("direct", "reuse", Measurements.Around(400, 300));

        var finding = _rule.Evaluate(Measurements.Evidence(target, direct));

        Assert.NotNull(finding);
        Assert.Equal("nagle-delay", finding.Id);
        Assert.Equal(FindingSeverity.Critical, finding.Severity);
        Assert.Equal("1", finding.Evidence["fractionIn40msSteps"]);
        Assert.Equal("0", finding.Evidence["direct.fractionIn40msSteps"]);
        Assert.Contains("100% of 30 requests", finding.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void MultiplesOf40ms_Count()
    {
        var histogram = HistogramRecords.CreateMicroseconds();
        histogram.RecordValue(1_000);
        histogram.RecordValue(41_000);
        histogram.RecordValue(82_000);
        histogram.RecordValue(125_000);
        histogram.RecordValue(60_000);
        Assert.Equal(0.6, NagleDelayRule.FractionInSteps(histogram), 3);
    }

    [Fact]
    public void BandEdges()
    {
        var histogram = HistogramRecords.CreateMicroseconds();
        histogram.RecordValue(35_000); // below 36 ms
        histogram.RecordValue(36_100);
        histogram.RecordValue(47_900);
        histogram.RecordValue(49_000); // above 48 ms
        Assert.Equal(0.5, NagleDelayRule.FractionInSteps(histogram), 3);
    }

    [Fact]
    public void FastPath_NoFinding()
    {
        var target = Measurements.Of("t", "small-get", Measurements.Around(600, 300));
        var direct = Measurements.Of("direct", "small-get", Measurements.Around(400, 300));
        Assert.Null(_rule.Evaluate(Measurements.Evidence(target, direct)));
    }

    [Fact]
    public void DirectAlsoAt40ms_NoFinding()
    {
        var target = Measurements.Of("t", "reuse", Measurements.Around(42_000, 100));
        var direct = Measurements.Of("direct", "reuse", Measurements.Around(42_000, 100));
        Assert.Null(_rule.Evaluate(Measurements.Evidence(target, direct)));
    }

    [Fact]
    public void ThirtyFivePercentStalled_Warn()
    {
        var latencies = Measurements.Around(500, 65).Concat(Measurements.Around(41_000, 35));
        var target = Measurements.Of("t", "small-get", latencies);
        Assert.Equal(FindingSeverity.Warn, _rule.Evaluate(Measurements.Evidence(target, null))?.Severity);
    }

    [Fact]
    public void StrongestScenarioReported()
    {
        var smallGet = Measurements.Of("t", "small-get", Measurements.Around(500, 200));
        var reuse = Measurements.Of("t", "reuse", Measurements.Around(43_000, 30));
        var finding = _rule.Evaluate(new TargetEvidence("t", [smallGet, reuse], []));
        Assert.Equal("reuse", finding?.Evidence["scenario"]);
    }

    [Fact]
    public void TooFewSamples_NoFinding()
    {
        var target = Measurements.Of("t", "reuse", Measurements.Around(42_000, (int)NagleDelayRule.MinSamples - 1));
        Assert.Null(_rule.Evaluate(Measurements.Evidence(target, null)));
    }

    [Fact]
    public void StallAfterTheOriginsLastByte_NamesTheClientFacingLeg()
    {
        var target = Measurements.Of("t", "split-write", Measurements.Around(42_000, 40), Measurements.Three(joined: 40, firstByteGapP50: 40_000));
        var direct = Measurements.Of("direct", "split-write", Measurements.Around(4_000, 40), Measurements.Three(joined: 40, firstByteGapP50: 50));

        var finding = _rule.Evaluate(Measurements.Evidence(target, direct));

        Assert.NotNull(finding);
        Assert.Equal("client-facing", finding.Evidence["leg"]);
        Assert.Contains("client-facing leg", finding.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void StallBeforeTheOriginsHeadIn_NamesTheUpstreamLeg() =>
        Assert.Equal("upstream", NagleDelayRule.Leg(Measurements.Three(inboundP50: 40_000, firstByteGapP50: 50), Measurements.Three(inboundP50: 100, firstByteGapP50: 50)));

    [Fact]
    public void UpstreamNagleProbe_IsNotReadByThisRule()
    {
        var target = Measurements.Of("t", "upstream-nagle", Measurements.Around(42_000, 40));
        var direct = Measurements.Of("direct", "upstream-nagle", Measurements.Around(400, 40));

        Assert.Null(_rule.Evaluate(Measurements.Evidence(target, direct)));
    }
}
