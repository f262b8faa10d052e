using CorsLab.Diagnostics.Findings;
using CorsLab.Results;

namespace CorsLab.Diagnostics.Tests;

public sealed class CpuHotspotRuleTests
{
    private readonly CpuHotspotRule _rule = new();

    [Fact]
    public void EnoughSamples_GiveAnInfo_NamingTheTopFramesAndTheFlameGraph()
    {
        var finding = _rule.Evaluate(Captures.Evidence(Captures.Quiet() with
        {
            CpuSamples = 400,
            FlameGraphFile = "engine-named-get.speedscope.json",
            TopExclusive = [new CaptureMethod("Forwarder.Copy", 200, 0.5), new CaptureMethod("Parser.Parse", 100, 0.25)],
        }));

        Assert.Equal(FindingSeverity.Info, finding?.Severity);
        Assert.Equal("Forwarder.Copy 50%", finding!.Evidence["exclusive.1"]);
        Assert.Equal("engine-named-get.speedscope.json", finding.Evidence["flameGraph"]);
    }

    [Fact]
    public void TooFewSamples_IsNoFinding()
    {
        Assert.Null(_rule.Evaluate(Captures.Evidence(Captures.Quiet() with { CpuSamples = 99 })));
    }
}
