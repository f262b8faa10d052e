using CorsLab.Diagnostics.Findings;
using CorsLab.Results;

namespace CorsLab.Diagnostics.Tests;

public sealed class ResponseBufferingRuleTests
{
    private readonly ResponseBufferingRule _rule = new();

    [Fact]
    public void AllDrippedResponsesHeld_DirectStreams_Critical()
    {
        var target = Measurements.Of("yarp", "drip", Measurements.Around(90_000, 100), Measurements.Three(firstByteAfterOriginLast: 1, bufferingEligible: 100, firstByteGapP50: 85_000));
        var direct = Measurements.Of("direct", "drip", Measurements.Around(81_000, 100), Measurements.Three(firstByteAfterOriginLast: 0, bufferingEligible: 100, firstByteGapP50: 300));

        var finding = _rule.Evaluate(Measurements.Evidence(target, direct));

        Assert.NotNull(finding);
        Assert.Equal("response-buffering", finding.Id);
        Assert.Equal(FindingSeverity.Critical, finding.Severity);
        Assert.Contains("100%", finding.Summary, StringComparison.Ordinal);
        Assert.Contains("85.0 ms", finding.Summary, StringComparison.Ordinal);
        Assert.Equal("1", finding.Evidence["firstByteAfterOriginLast"]);
        Assert.Equal("0", finding.Evidence["direct.firstByteAfterOriginLast"]);
    }

    [Fact]
    public void TracedEngine_IsCorroboratedByItsSpans()
    {
        var measured = Measurements.Of("yarp", "drip", Measurements.Around(90_000, 100), Measurements.Three(firstByteAfterOriginLast: 1, bufferingEligible: 100));
        var target = measured with { Stages = new StageBreakdown { TracedRequests = 12, BufferingEligible = 12, FirstByteOutHeldBack = 0.75 } };

        var finding = _rule.Evaluate(Measurements.Evidence(target, null))!;

        Assert.Contains("Inside the proxy (its spans): 75% of 12 traced responses", finding.Summary, StringComparison.Ordinal);
        Assert.Equal("0.75", finding.Evidence["spans.firstByteOutHeldBack"]);
        Assert.Equal("12", finding.Evidence["spans.bufferingEligible"]);
    }

    [Fact]
    public void TooFewTracedResponses_NoSpanCorroboration()
    {
        var measured = Measurements.Of("yarp", "drip", Measurements.Around(90_000, 100), Measurements.Three(firstByteAfterOriginLast: 1, bufferingEligible: 100));
        var target = measured with { Stages = new StageBreakdown { TracedRequests = 4, BufferingEligible = ResponseBufferingRule.MinTracedForCorroboration - 1, FirstByteOutHeldBack = 1 } };

        var finding = _rule.Evaluate(Measurements.Evidence(target, null))!;

        Assert.DoesNotContain("its spans", finding.Summary, StringComparison.Ordinal);
        Assert.False(finding.Evidence.ContainsKey("spans.firstByteOutHeldBack"));
    }

    [Fact]
    public void SixtyPercentHeld_Warn()
    {
        var target = Measurements.Of("t", "drip", Measurements.Around(90_000, 100), Measurements.Three(firstByteAfterOriginLast: 0.6, bufferingEligible: 100));
        Assert.Equal(FindingSeverity.Warn, _rule.Evaluate(Measurements.Evidence(target, null))?.Severity);
    }

    [Fact]
    public void StreamingTarget_NoFinding()
    {
        var target = Measurements.Of("t", "drip", Measurements.Around(90_000, 100), Measurements.Three(firstByteAfterOriginLast: 0.02, bufferingEligible: 100));
        Assert.Null(_rule.Evaluate(Measurements.Evidence(target, null)));
    }

    [Fact]
    public void DirectHeldToo_NoFinding()
    {
        var target = Measurements.Of("t", "drip", Measurements.Around(90_000, 100), Measurements.Three(firstByteAfterOriginLast: 0.8, bufferingEligible: 100));
        var direct = Measurements.Of("direct", "drip", Measurements.Around(90_000, 100), Measurements.Three(firstByteAfterOriginLast: 0.7, bufferingEligible: 100));
        Assert.Null(_rule.Evaluate(Measurements.Evidence(target, direct)));
    }

    [Fact]
    public void TooFewEligibleResponses_NoFinding()
    {
        var target = Measurements.Of("t", "drip", Measurements.Around(90_000, 100), Measurements.Three(firstByteAfterOriginLast: 1, bufferingEligible: ResponseBufferingRule.MinEligible - 1));
        Assert.Null(_rule.Evaluate(Measurements.Evidence(target, null)));
    }

    [Fact]
    public void NoThreePoint_NoFinding()
    {
        var target = Measurements.Of("t", "drip", Measurements.Around(90_000, 100));
        Assert.Null(_rule.Evaluate(Measurements.Evidence(target, null)));
    }

    [Fact]
    public void ChunkedStreamedButHttp10Held_JudgesTheHttp10Drip()
    {
        var drip = Measurements.Of("t", "drip", Measurements.Around(90_000, 80), Measurements.Three(joined: 80, firstByteAfterOriginLast: 0, bufferingEligible: 80));
        var http10 = Measurements.Of("t", "http10-drip", Measurements.Around(90_000, 80), Measurements.Three(joined: 80, firstByteAfterOriginLast: 1, bufferingEligible: 80));

        var finding = new ResponseBufferingRule().Evaluate(new TargetEvidence("t", [drip, http10], []));

        Assert.NotNull(finding);
        Assert.Equal(FindingSeverity.Critical, finding.Severity);
        Assert.Equal("http10-drip", finding.Evidence["scenario"]);
    }
}
