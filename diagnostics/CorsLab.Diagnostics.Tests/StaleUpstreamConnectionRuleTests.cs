using CorsLab.Diagnostics.Findings;

namespace CorsLab.Diagnostics.Tests;

public sealed class StaleUpstreamConnectionRuleTests
{
    private readonly StaleUpstreamConnectionRule _rule = new();

    [Fact]
    public void EveryOtherRequestFailsThroughTheProxyOnly_Critical()
    {
        var target = Failing(Measurements.Of("t", "stale-probe", Measurements.Around(900, 15)), 7);
        var direct = Measurements.Of("direct", "stale-probe", Measurements.Around(700, 15));

        var finding = _rule.Evaluate(Measurements.Evidence(target, direct));

        Assert.NotNull(finding);
        Assert.Equal(FindingSeverity.Critical, finding.Severity);
        Assert.Equal("7", finding.Evidence["errors"]);
        Assert.Contains("status-5xx 7", finding.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void DirectFailsAsOften_NoFinding()
    {
        var target = Failing(Measurements.Of("t", "stale-probe", Measurements.Around(900, 15)), 7);
        var direct = Failing(Measurements.Of("direct", "stale-probe", Measurements.Around(700, 15)), 6);

        Assert.Null(_rule.Evaluate(Measurements.Evidence(target, direct)));
    }

    [Fact]
    public void OneFailure_NoFinding()
    {
        var target = Failing(Measurements.Of("t", "stale-probe", Measurements.Around(900, 15)), 1);
        var direct = Measurements.Of("direct", "stale-probe", Measurements.Around(700, 15));

        Assert.Null(_rule.Evaluate(Measurements.Evidence(target, direct)));
    }

    [Fact]
    public void TooFewRequests_NoFinding()
    {
        var target = Failing(Measurements.Of("t", "stale-probe", Measurements.Around(900, 4)), 3);
        Assert.Null(_rule.Evaluate(Measurements.Evidence(target, null)));
    }

    [Fact]
    public void RequestErrors_LeavesTheStaleProbeToThisRule()
    {
        var target = Failing(Measurements.Of("t", "stale-probe", Measurements.Around(900, 15)), 7);
        var direct = Measurements.Of("direct", "stale-probe", Measurements.Around(700, 15));

        Assert.Null(new RequestErrorsRule().Evaluate(Measurements.Evidence(target, direct)));
    }

    private static Results.ScenarioMeasurement Failing(Results.ScenarioMeasurement measurement, long errors) =>
        measurement with { Errors = new Dictionary<string, long> { ["status-5xx"] = errors } };
}
