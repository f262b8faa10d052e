using CorsLab.Diagnostics.Findings;
using CorsLab.Results;

namespace CorsLab.Diagnostics.Tests;

public sealed class TlsHandshakePerRequestRuleTests
{
    private readonly TlsHandshakePerRequestRule _rule = new();

    [Fact]
    public void AHandshakePerRequestOnTheHttpsOrigin_IsCritical()
    {
        var finding = _rule.Evaluate(Captures.Evidence(Captures.Quiet(100) with { TlsHandshakes = 100 }, ScenarioNames.HttpsUpstream));

        Assert.Equal(FindingSeverity.Critical, finding?.Severity);
        Assert.Equal("1", finding!.Evidence["tlsHandshakesPerRequest"]);
    }

    [Fact]
    public void HalfTheRequests_IsWarn_AndBelowHalf_IsNothing()
    {
        Assert.Equal(FindingSeverity.Warn, _rule.Evaluate(Captures.Evidence(Captures.Quiet(100) with { TlsHandshakes = 50 }, ScenarioNames.HttpsUpstream))?.Severity);
        Assert.Null(_rule.Evaluate(Captures.Evidence(Captures.Quiet(100) with { TlsHandshakes = 49 }, ScenarioNames.HttpsUpstream)));
    }
}
