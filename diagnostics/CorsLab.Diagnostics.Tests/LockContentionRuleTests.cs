using CorsLab.Diagnostics.Findings;
using CorsLab.Results;

namespace CorsLab.Diagnostics.Tests;

public sealed class LockContentionRuleTests
{
    private readonly LockContentionRule _rule = new();

    [Fact]
    public void ContentionsOnAFifthOfTheRequests_WithMeaningfulWaits_AreWarn_OnTheWorstScenario()
    {
        var finding = _rule.Evaluate(Captures.Evidence(
            (ScenarioNames.NamedGet, Captures.Quiet() with { LockContentions = 3, LockContentionMilliseconds = 0.1 }),
            (ScenarioNames.LargeDownload, Captures.Quiet(40) with { LockContentions = 8, LockContentionMilliseconds = 60 })));

        Assert.Equal(FindingSeverity.Warn, finding?.Severity);
        Assert.Equal(ScenarioNames.LargeDownload, finding!.Evidence["scenario"]);
        Assert.Equal("0.2", finding.Evidence["lockContentionsPerRequest"]);
    }

    [Fact]
    public void AContentionPerRequest_IsCritical()
    {
        Assert.Equal(FindingSeverity.Critical, _rule.Evaluate(Captures.Evidence(Captures.Quiet() with { LockContentions = 1000, LockContentionMilliseconds = 300 }))?.Severity);
    }

    [Fact]
    public void ManyButNegligibleWaits_AreNoFinding()
    {
        // 0.2 per request, but 10 ms of waiting in a 2 s phase (0.5 %).
        Assert.Null(_rule.Evaluate(Captures.Evidence(Captures.Quiet() with { LockContentions = 200, LockContentionMilliseconds = 10 })));
    }

    [Fact]
    public void FewerThanATenthPerRequest_IsNoFinding()
    {
        Assert.Null(_rule.Evaluate(Captures.Evidence(Captures.Quiet() with { LockContentions = 99, LockContentionMilliseconds = 500 })));
    }
}
