using System.Net;
using System.Net.Sockets;
using CorsLab.Proxies.Core.Telemetry;
using CorsLab.Proxies.Core.Tests.Observability;
using CorsLab.Proxies.Pipelines;
using Microsoft.Extensions.Logging;

namespace CorsLab.Proxies.Core.Tests;

/// <summary>
/// Each engine, in-process on 127.0.0.1, forwarding to a refused port: the failure is counted on that run's own meter
/// and logged with the engine's event id. Every run has its own meter factory and logger provider.
/// </summary>
public sealed class EngineObservabilityTests
{
    /// <summary>ForwardFailed is event 1 in every engine's log file.</summary>
    private const int ForwardFailedId = 1;

    public static TheoryData<string> Engines => TestEngines.Names;

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task RefusedUpstream_IsCountedAndLoggedAsUpstreamFailed(string engine)
    {
        using var meters = new MeterRecorder();
        using var logs = new CollectingLoggerProvider();
        var options = new ProxyOptions { LogLevel = LogLevel.Debug, LoggerProvider = logs, MeterFactory = meters };

        var status = await ForwardToRefusedPortAsync(TestEngines.Create(engine), options);

        Assert.Equal(HttpStatusCode.BadGateway, status);
        var failure = Assert.Single(meters.Of(ProxyMetrics.Failures));
        Assert.Equal(1, failure.Value);
        Assert.Equal("UpstreamFailed", failure.Tags[ProxyTelemetry.AttrError]);
        Assert.Equal("upstream", failure.Tags[ProxyMetrics.AttrFailureSide]);
        Assert.Equal(1, Assert.Single(meters.Of(ProxyMetrics.Forwarded)).Value);
        var duration = Assert.Single(meters.Of(ProxyMetrics.RequestDuration));
        Assert.Equal("GET", duration.Tags[ProxyTelemetry.AttrMethod]);
        Assert.Equal(502, duration.Tags[ProxyTelemetry.AttrStatus]);
        Assert.Equal("UpstreamFailed", duration.Tags[ProxyTelemetry.AttrError]);

        var logged = Assert.Single(logs.Records, record => record.EventId.Id == ForwardFailedId && record.Category.StartsWith("CorsLab.Proxies.", StringComparison.Ordinal));
        Assert.Equal("ForwardFailed", logged.EventId.Name);
        Assert.Equal(LogLevel.Information, logged.Level);
        Assert.Contains("127.0.0.1", logged.Message, StringComparison.Ordinal);
        Assert.Contains("UpstreamFailed", logged.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task AtTheDefaultLevel_AFailureIsCountedButNotLogged(string engine)
    {
        using var meters = new MeterRecorder();
        using var logs = new CollectingLoggerProvider();
        var options = new ProxyOptions { LoggerProvider = logs, MeterFactory = meters };

        var status = await ForwardToRefusedPortAsync(TestEngines.Create(engine), options);

        Assert.Equal(HttpStatusCode.BadGateway, status);
        Assert.Single(meters.Of(ProxyMetrics.Failures));
        Assert.Empty(logs.Records);
    }

    /// <summary>The wait is a lower bound no scheduler can shorten, so the assertion cannot flake on a busy machine.</summary>
    [Theory]
    [MemberData(nameof(Engines))]
    public async Task AddedLatency_HoldsTheRequestForTheSetTimeBeforeForwarding(string engine)
    {
        using var meters = new MeterRecorder();
        var delay = TimeSpan.FromMilliseconds(60);
        var options = new ProxyOptions { Faults = Faults.Fault.AddedLatency, AddedLatency = delay, MeterFactory = meters };

        var status = await ForwardToRefusedPortAsync(TestEngines.Create(engine), options);

        Assert.Equal(HttpStatusCode.BadGateway, status);
        Assert.Equal(1, Assert.Single(meters.Of(ProxyMetrics.Forwarded)).Value);
        var duration = Assert.Single(meters.Of(ProxyMetrics.RequestDuration));
        Assert.True(duration.Value >= delay.TotalSeconds, $"{engine} answered after {duration.Value * 1000:0.0} ms, before the {delay.TotalMilliseconds} ms wait");
    }

    [Fact]
    public async Task Pipelines_RejectedHead_IsLoggedAsRequestRejected()
    {
        using var logs = new CollectingLoggerProvider();
        using var meters = new MeterRecorder();
        var options = new ProxyOptions { LogLevel = LogLevel.Debug, LoggerProvider = logs, MeterFactory = meters };
        using var stop = new CancellationTokenSource();
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = new PipelinesEngine().RunAsync(options, listening.SetResult, stop.Token);
        try
        {
            var url = await listening.Task.WaitAsync(TimeSpan.FromSeconds(10));
            using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            await socket.ConnectAsync(url.Host, url.Port);
            await socket.SendAsync("GET /healthcheck HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n"u8.ToArray(), SocketFlags.None);
            var answer = new byte[64];
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            var read = await socket.ReceiveAsync(answer, SocketFlags.None, timeout.Token);
            Assert.StartsWith("HTTP/1.1 400", System.Text.Encoding.Latin1.GetString(answer, 0, read), StringComparison.Ordinal);
        }
        finally
        {
            await stop.CancelAsync();
            await running.WaitAsync(TimeSpan.FromSeconds(20));
        }

        var logged = Assert.Single(logs.Records, record => record.EventId.Name == "RequestRejected");
        Assert.Equal(3, logged.EventId.Id);
        Assert.Contains("DuplicateHost", logged.Message, StringComparison.Ordinal);
    }

    /// <summary>Runs the engine for one request to a port nobody listens on; returns once the engine has stopped.</summary>
    private static async Task<HttpStatusCode> ForwardToRefusedPortAsync(IProxyEngine engine, ProxyOptions options)
    {
        var target = $"http://127.0.0.1:{RefusedPort()}/refused";
        using var stop = new CancellationTokenSource();
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = engine.RunAsync(options, listening.SetResult, stop.Token);
        try
        {
            if (await Task.WhenAny(listening.Task, running).WaitAsync(TimeSpan.FromSeconds(10)) == running)
            {
                await running; // surfaces the start failure
            }

            using var client = new System.Net.Http.HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(20) };
            using var response = await client.GetAsync(new Uri(await listening.Task, "/?url=" + Uri.EscapeDataString(target)));
            return response.StatusCode;
        }
        finally
        {
            // Stopping drains the request, so every measurement and record of it is in before the assertions.
            await stop.CancelAsync();
            await running.WaitAsync(TimeSpan.FromSeconds(20));
        }
    }

    /// <summary>A loopback port that was just free: bound, then released, so a connect to it is refused.</summary>
    private static int RefusedPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }
}
