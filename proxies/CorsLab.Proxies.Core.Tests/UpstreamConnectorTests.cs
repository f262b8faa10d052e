using System.Net;
using System.Net.Sockets;
using CorsLab.Proxies.Core.Policy;
using CorsLab.Proxies.Core.Upstream;

namespace CorsLab.Proxies.Core.Tests;

public sealed class UpstreamConnectorTests : IDisposable
{
    private const int MaxSockets = 8;

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(10));

    public UpstreamConnectorTests() => _listener.Start();

    private int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public void Dispose()
    {
        _listener.Stop();
        _listener.Dispose();
        _timeout.Dispose();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Connects_AndSetsNoDelayAsConfigured(bool noDelay)
    {
        var connector = new UpstreamConnector(TargetPolicy.Default, noDelay, MaxSockets);

        using var socket = await connector.ConnectSocketAsync("127.0.0.1", Port, _timeout.Token);
        using var accepted = await _listener.AcceptSocketAsync(_timeout.Token);

        Assert.True(socket.Connected);
        Assert.Equal(noDelay, socket.NoDelay);
        Assert.Equal(socket.LocalEndPoint, accepted.RemoteEndPoint);
    }

    [Fact]
    public async Task AtTheSocketCap_AConnectWaitsForASlot_AndGetsTheOneADisposedSocketGaveBack()
    {
        var connector = new UpstreamConnector(TargetPolicy.Default, noDelay: true, maxSockets: 1);
        var first = await connector.ConnectSocketAsync("127.0.0.1", Port, _timeout.Token);
        using var firstAccepted = await _listener.AcceptSocketAsync(_timeout.Token);

        // The bound is the caller's connect timeout: with no slot free, the wait is what it ends.
        using (var connectTimeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(200)))
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(
                async () => (await connector.ConnectSocketAsync("127.0.0.1", Port, connectTimeout.Token)).Dispose());
        }

        var waiting = connector.ConnectSocketAsync("127.0.0.1", Port, _timeout.Token).AsTask();
        first.Dispose();
        using var second = await waiting;
        using var secondAccepted = await _listener.AcceptSocketAsync(_timeout.Token);

        Assert.True(second.Connected);
    }

    [Fact]
    public async Task AFailedConnect_GivesItsSlotBack()
    {
        var connector = new UpstreamConnector(TargetPolicy.Default, noDelay: true, maxSockets: 1);
        using var refused = new TcpListener(IPAddress.Loopback, 0);
        refused.Start();
        var refusedPort = ((IPEndPoint)refused.LocalEndpoint).Port;
        refused.Stop();

        await Assert.ThrowsAsync<SocketException>(async () => (await connector.ConnectSocketAsync("127.0.0.1", refusedPort, _timeout.Token)).Dispose());
        using var socket = await connector.ConnectSocketAsync("127.0.0.1", Port, _timeout.Token);
        using var accepted = await _listener.AcceptSocketAsync(_timeout.Token);

        Assert.True(socket.Connected);
    }

    [Fact]
    public async Task Name_ConnectsToAnAllowedAddress()
    {
        // localhost may resolve to ::1 first; nothing listens there, so the connector must move on to 127.0.0.1.
        var connector = new UpstreamConnector(TargetPolicy.Default, noDelay: true, MaxSockets);

        using var socket = await connector.ConnectSocketAsync("localhost", Port, _timeout.Token);
        using var accepted = await _listener.AcceptSocketAsync(_timeout.Token);

        Assert.Equal(IPAddress.Loopback, ((IPEndPoint)socket.RemoteEndPoint!).Address.MapToIPv4());
    }

    [Fact]
    public async Task NameResolvingToDeniedAddress_IsDeniedWithoutConnecting()
    {
        var policy = new TargetPolicy([], [TargetRule.Parse("127.0.0.0/8"), TargetRule.Parse("::1/128")]);
        var connector = new UpstreamConnector(policy, noDelay: true, MaxSockets);

        var error = await Assert.ThrowsAsync<TargetDeniedException>(
            async () => (await connector.ConnectSocketAsync("localhost", Port, _timeout.Token)).Dispose());

        Assert.Equal("localhost", error.Host);
        Assert.Contains("localhost", error.Message, StringComparison.Ordinal);
        Assert.True(IPAddress.IsLoopback(error.Address));
        Assert.False(_listener.Pending());
    }

    [Fact]
    public async Task NameDeniedByHostRule_IsDeniedWithoutConnecting()
    {
        var policy = new TargetPolicy([], [TargetRule.Parse("localhost")]);
        var connector = new UpstreamConnector(policy, noDelay: true, MaxSockets);

        var error = await Assert.ThrowsAsync<TargetDeniedException>(
            async () => (await connector.ConnectSocketAsync("localhost", Port, _timeout.Token)).Dispose());

        Assert.Equal("localhost", error.Host);
        Assert.False(_listener.Pending());
    }

    [Theory]
    [InlineData("169.254.169.254")]
    [InlineData("0.0.0.0")]
    [InlineData("[fe80::1]")]
    public async Task DefaultDeniedLiteral_IsDenied(string host)
    {
        var connector = new UpstreamConnector(TargetPolicy.Default, noDelay: true, MaxSockets);

        var error = await Assert.ThrowsAsync<TargetDeniedException>(
            async () => (await connector.ConnectSocketAsync(host, 80, _timeout.Token)).Dispose());

        Assert.Equal(host, error.Host);
        Assert.Equal(IPAddress.Parse(host.Trim('[', ']')), error.Address);
    }

    [Fact]
    public async Task RefusedPort_ThrowsConnectionRefused()
    {
        int freePort;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            freePort = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
        }

        var connector = new UpstreamConnector(TargetPolicy.Default, noDelay: true, MaxSockets);

        var error = await Assert.ThrowsAsync<SocketException>(
            async () => (await connector.ConnectSocketAsync("127.0.0.1", freePort, _timeout.Token)).Dispose());

        Assert.Equal(SocketError.ConnectionRefused, error.SocketErrorCode);
    }

    [Fact]
    public async Task ThroughSocketsHttpHandler_DeniedTargetSurfacesAsTargetDenied()
    {
        var options = new ProxyOptions { Policy = new TargetPolicy([], [TargetRule.Parse("127.0.0.0/8")]) };
        using var client = new System.Net.Http.HttpClient(UpstreamHandlerFactory.Create(options));

        var error = await Assert.ThrowsAsync<HttpRequestException>(
            () => client.GetAsync(new Uri($"http://127.0.0.1:{Port}/"), _timeout.Token));

        Assert.IsType<TargetDeniedException>(error.InnerException);
        Assert.Equal(UpstreamError.TargetDenied, UpstreamFailure.From(error, clientAborted: false, timedOut: false).Error);
        Assert.False(_listener.Pending());
    }
}
