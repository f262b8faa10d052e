using CorsLab.Diagnostics.Findings;

namespace CorsLab.Diagnostics.Tests;

public sealed class UpstreamNagleDelayRuleTests
{
    private readonly UpstreamNagleDelayRule _rule = new();

    [Fact]
    public void StallDirectAndThrough_InfoThatBlamesTheUpstream()
    {
        var target = Measurements.Of("t", "upstream-nagle", Measurements.Around(44_000, 40));
        var direct = Measurements.Of("direct", "upstream-nagle", Measurements.Around(43_000, 40));

        var finding = _rule.Evaluate(Measurements.Evidence(target, direct));

        Assert.NotNull(finding);
        Assert.Equal(FindingSeverity.Info, finding.Severity);
        Assert.Equal("1", finding.Evidence["direct.fractionIn40msSteps"]);
        Assert.Contains("the proxy is not the cause", finding.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void NoStallAnywhere_NoFinding()
    {
        var target = Measurements.Of("t", "upstream-nagle", Measurements.Around(4_000, 40));
        var direct = Measurements.Of("direct", "upstream-nagle", Measurements.Around(4_000, 40));

        Assert.Null(_rule.Evaluate(Measurements.Evidence(target, direct)));
    }

    [Fact]
    public void OtherScenarios_AreNotRead()
    {
        var target = Measurements.Of("t", "split-write", Measurements.Around(44_000, 40));
        Assert.Null(_rule.Evaluate(Measurements.Evidence(target, null)));
    }
}
