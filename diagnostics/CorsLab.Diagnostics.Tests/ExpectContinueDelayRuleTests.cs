using CorsLab.Diagnostics.Findings;

namespace CorsLab.Diagnostics.Tests;

public sealed class ExpectContinueDelayRuleTests
{
    private readonly ExpectContinueDelayRule _rule = new();

    [Fact]
    public void ContinueTimeoutOnEveryUpload_Critical()
    {
        var target = Measurements.Of("t", "expect-continue", Measurements.Around(1_040_000, 8));
        var direct = Measurements.Of("direct", "expect-continue", Measurements.Around(2_000, 8));

        var finding = _rule.Evaluate(Measurements.Evidence(target, direct));

        Assert.NotNull(finding);
        Assert.Equal(FindingSeverity.Critical, finding.Severity);
        Assert.Equal("1000.0 ms", finding.Evidence["continueTimeout"]);
    }

    [Fact]
    public void DirectWaitsAsLong_NoFinding()
    {
        var target = Measurements.Of("t", "expect-continue", Measurements.Around(1_040_000, 8));
        var direct = Measurements.Of("direct", "expect-continue", Measurements.Around(1_020_000, 8));

        Assert.Null(_rule.Evaluate(Measurements.Evidence(target, direct)));
    }

    [Fact]
    public void ContinueAnswered_NoFinding()
    {
        var target = Measurements.Of("t", "expect-continue", Measurements.Around(3_000, 8));
        var direct = Measurements.Of("direct", "expect-continue", Measurements.Around(2_000, 8));

        Assert.Null(_rule.Evaluate(Measurements.Evidence(target, direct)));
    }

    [Fact]
    public void TooFewUploads_NoFinding()
    {
        var target = Measurements.Of("t", "expect-continue", Measurements.Around(1_040_000, 3));
        Assert.Null(_rule.Evaluate(Measurements.Evidence(target, null)));
    }
}
