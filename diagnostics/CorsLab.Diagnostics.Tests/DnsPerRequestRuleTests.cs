using CorsLab.Diagnostics.Findings;
using CorsLab.Results;

namespace CorsLab.Diagnostics.Tests;

public sealed class DnsPerRequestRuleTests
{
    private readonly DnsPerRequestRule _rule = new();

    [Fact]
    public void AResolutionPerRequest_IsCritical_WithTheCountPerRequest()
    {
        var finding = _rule.Evaluate(Captures.Evidence(Captures.Quiet() with { DnsResolutions = 1000 }));

        Assert.NotNull(finding);
        Assert.Equal(FindingSeverity.Critical, finding.Severity);
        Assert.Equal("1", finding.Evidence["dnsResolutionsPerRequest"]);
    }

    [Fact]
    public void HalfTheRequestsResolving_IsWarn()
    {
        var finding = _rule.Evaluate(Captures.Evidence(Captures.Quiet() with { DnsResolutions = 500 }));

        Assert.Equal(FindingSeverity.Warn, finding?.Severity);
    }

    [Fact]
    public void FewerLookupsThanHalfTheRequests_IsNoFinding()
    {
        Assert.Null(_rule.Evaluate(Captures.Evidence(Captures.Quiet() with { DnsResolutions = 499 })));
    }

    [Fact]
    public void AnAddressLiteralUpstream_ProvesNothing()
    {
        Assert.Null(_rule.Evaluate(Captures.Evidence(Captures.Quiet() with { DnsResolutions = 1000, UpstreamHost = "127.0.0.1" })));
    }

    [Fact]
    public void WithoutACapture_TheRuleIsNotChecked()
    {
        var evidence = new TargetEvidence("engine", [Measurements.Of("engine", ScenarioNames.NamedGet, Measurements.Around(2000, 100))], []);

        var notChecked = FindingRules.NotChecked(evidence, [_rule]);

        Assert.Equal([(DnsPerRequestRule.FindingId, FindingRules.NeedsCaptureWhy)], notChecked);
    }
}
