using CorsLab.Diagnostics.Findings;

namespace CorsLab.Diagnostics.Tests;

public sealed class ClientConnectionChurnRuleTests
{
    private readonly ClientConnectionChurnRule _rule = new();

    [Fact]
    public void NewClientConnectionPerRequest_OnUpstreamClose_Critical()
    {
        var target = Measurements.Of("t", "upstream-close", Measurements.Around(1_000, 150), Measurements.Three(joined: 150, originConnections: 150, clientConnections: 150));
        var direct = Measurements.Of("direct", "upstream-close", Measurements.Around(400, 150), Measurements.Three(joined: 150, originConnections: 150, clientConnections: 150));

        var finding = _rule.Evaluate(Measurements.Evidence(target, direct));

        Assert.NotNull(finding);
        Assert.Equal(FindingSeverity.Critical, finding.Severity);
        Assert.Equal("1", finding.Evidence["clientConnectionsPerRequest"]);
        Assert.Contains("'Connection: close'", finding.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void ProxyKeepsTheClientConnection_WhileTheOriginCloses_NoFinding()
    {
        var target = Measurements.Of("t", "upstream-close", Measurements.Around(1_000, 150), Measurements.Three(joined: 150, originConnections: 150, clientConnections: 2));
        Assert.Null(_rule.Evaluate(Measurements.Evidence(target, null)));
    }

    [Fact]
    public void ClientAskedForClose_IsNotRead()
    {
        var target = Measurements.Of("t", "connection-close", Measurements.Around(1_000, 150), Measurements.Three(joined: 150, originConnections: 150, clientConnections: 150));
        Assert.Null(_rule.Evaluate(Measurements.Evidence(target, null)));
    }

    [Fact]
    public void TooFewJoined_NoFinding()
    {
        var target = Measurements.Of("t", "upstream-close", Measurements.Around(1_000, 10), Measurements.Three(joined: 10, originConnections: 10, clientConnections: 10));
        Assert.Null(_rule.Evaluate(Measurements.Evidence(target, null)));
    }
}
