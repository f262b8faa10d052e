using CorsLab.Diagnostics.Findings;

namespace CorsLab.Diagnostics.Tests;

public sealed class ConnectionChurnRuleTests
{
    private readonly ConnectionChurnRule _rule = new();

    [Fact]
    public void NewUpstreamConnectionPerRequest_ClientReuses_Critical()
    {
        var target = Measurements.Of("yarp", "reuse", Measurements.Around(600, 300), Measurements.Three(joined: 300, originConnections: 300, clientConnections: 1));
        var direct = Measurements.Of("direct", "reuse", Measurements.Around(400, 300), Measurements.Three(joined: 300, originConnections: 1, clientConnections: 1));

        var finding = _rule.Evaluate(Measurements.Evidence(target, direct));

        Assert.NotNull(finding);
        Assert.Equal("connection-churn", finding.Id);
        Assert.Equal(FindingSeverity.Critical, finding.Severity);
        Assert.Equal("300", finding.Evidence["originConnections"]);
        Assert.Equal("1", finding.Evidence["originConnectionsPerRequest"]);
        Assert.Contains("300 requests over 1 client connections", finding.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void WithACapture_TheProcesssOwnSocketConnectsCorroborate()
    {
        var target = Measurements.Of("pipelines", "reuse", Measurements.Around(600, 300), Measurements.Three(joined: 300, originConnections: 300, clientConnections: 1))
            with { Capture = Captures.Quiet(300) with { SocketConnects = 300 } };

        var finding = _rule.Evaluate(Measurements.Evidence(target, null));

        Assert.Equal("1", finding?.Evidence["capture.socketConnectsPerRequest"]);
        Assert.Contains("Inside the proxy's process: 1 socket connects per request.", finding!.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void HalfTheRequestsOnNewConnections_Warn()
    {
        var target = Measurements.Of("t", "small-get", Measurements.Around(600, 200), Measurements.Three(joined: 200, originConnections: 120, clientConnections: 16));
        Assert.Equal(FindingSeverity.Warn, _rule.Evaluate(Measurements.Evidence(target, null))?.Severity);
    }

    [Fact]
    public void PooledUpstream_NoFinding()
    {
        var target = Measurements.Of("t", "small-get", Measurements.Around(600, 200), Measurements.Three(joined: 200, originConnections: 16, clientConnections: 16));
        Assert.Null(_rule.Evaluate(Measurements.Evidence(target, null)));
    }

    [Fact]
    public void ClientClosesEveryConnection_ProxyNotBlamed()
    {
        var target = Measurements.Of("t", "connection-close", Measurements.Around(600, 200), Measurements.Three(joined: 200, originConnections: 200, clientConnections: 200));
        Assert.Null(_rule.Evaluate(new TargetEvidence("t", [target with { Scenario = "small-get" }], [])));
    }

    [Fact]
    public void ChurnOnTheHttpsOriginToo_StatesTheCostPerRequest()
    {
        var reuse = Measurements.Of("t", "reuse", Measurements.Around(600, 300), Measurements.Three(joined: 300, originConnections: 300, clientConnections: 1));
        var https = Measurements.Of("t", "https-upstream", Measurements.Around(3_000, 300), Measurements.Three(joined: 300, originConnections: 300, clientConnections: 16));
        var directHttps = Measurements.Of("direct", "https-upstream", Measurements.Around(500, 300), Measurements.Three(joined: 300, originConnections: 16, clientConnections: 16));

        var finding = _rule.Evaluate(new TargetEvidence("t", [reuse, https], [directHttps]));

        Assert.NotNull(finding);
        Assert.Equal("reuse", finding.Evidence["scenario"]);
        Assert.Equal("+2.5 ms", finding.Evidence["https.added.p50"]);
        Assert.Contains("TLS handshake", finding.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void HttpsOriginPooled_NoCostStated()
    {
        var reuse = Measurements.Of("t", "reuse", Measurements.Around(600, 300), Measurements.Three(joined: 300, originConnections: 300, clientConnections: 1));
        var https = Measurements.Of("t", "https-upstream", Measurements.Around(700, 300), Measurements.Three(joined: 300, originConnections: 16, clientConnections: 16));

        var finding = _rule.Evaluate(new TargetEvidence("t", [reuse, https], [https with { Target = "direct" }]));

        Assert.NotNull(finding);
        Assert.False(finding.Evidence.ContainsKey("https.added.p50"));
    }
}
