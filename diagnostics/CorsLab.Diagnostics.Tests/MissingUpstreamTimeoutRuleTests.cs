using CorsLab.Diagnostics.Findings;
using CorsLab.Results;

namespace CorsLab.Diagnostics.Tests;

public sealed class MissingUpstreamTimeoutRuleTests
{
    private readonly MissingUpstreamTimeoutRule _rule = new();

    [Fact]
    public void ClientGaveUpBeforeTheProxyAnswered_Warn()
    {
        var target = Measurements.Of("t", "silent-upstream", []) with { Requests = 1, Errors = new Dictionary<string, long> { ["timeout"] = 1 } };

        var finding = _rule.Evaluate(Measurements.Evidence(target, null));

        Assert.NotNull(finding);
        Assert.Equal(FindingSeverity.Warn, finding.Severity);
        Assert.Equal("1", finding.Evidence["unanswered"]);
        Assert.Equal("65 s", finding.Evidence["clientBound"]);
    }

    [Fact]
    public void ProxyAnswered504WithinTheBound_NoFinding()
    {
        var target = Measurements.Of("t", "silent-upstream", [30_000_000]) with { Errors = new Dictionary<string, long> { ["status-5xx"] = 1 } };

        Assert.Null(_rule.Evaluate(Measurements.Evidence(target, null)));
    }

    [Fact]
    public void ProbeNotRun_NoFindingAndNotChecked()
    {
        var evidence = Measurements.Evidence(Measurements.Of("t", "small-get", Measurements.Around(500, 60)), null);

        Assert.Null(_rule.Evaluate(evidence));
        Assert.Contains(FindingRules.NotChecked(evidence), entry => entry.Rule == MissingUpstreamTimeoutRule.FindingId);
    }

    [Fact]
    public void RequestErrors_LeavesTheSilentUpstreamToThisRule()
    {
        var target = Measurements.Of("t", "silent-upstream", [30_000_000]) with { Errors = new Dictionary<string, long> { ["status-5xx"] = 1 } };

        Assert.Null(new RequestErrorsRule().Evaluate(Measurements.Evidence(target, null)));
    }
}
