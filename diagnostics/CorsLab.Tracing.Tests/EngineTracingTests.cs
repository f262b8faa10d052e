using CorsLab.Components;
using CorsLab.Protocol;

namespace CorsLab.Tracing.Tests;

/// <summary>
/// Each engine, started as a real <c>corslab proxy</c> child with the receiver as its OTLP endpoint, exports the server
/// and upstream spans of a request sent through it, carrying that request's id, with the three events.
/// </summary>
public sealed class EngineTracingTests : IAsyncLifetime
{
    private const string AspNetCoreScope = "Microsoft.AspNetCore";
    private const string HttpClientScope = "System.Net.Http";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"corslab-engine-tracing-{Guid.NewGuid():N}");
    private OtlpReceiver _receiver = null!;
    private OriginProcess _origin = null!;

    public async Task InitializeAsync()
    {
        _receiver = await OtlpReceiver.StartAsync(_directory, CancellationToken.None);
        _origin = await LabComponents.StartOriginAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _origin.DisposeAsync();
        await _receiver.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Theory]
    [InlineData("httpclient")]
    [InlineData("yarp")]
    [InlineData("pipelines")]
    public async Task EngineExportsServerAndUpstreamSpans_WithTheRequestId(string engine)
    {
        await using var proxy = await StartTracedAsync(engine);
        var requestId = $"{engine}-{Guid.NewGuid():N}";

        using var response = await SendAsync(proxy, "bytes/1024", requestId);
        Assert.Equal(1024, (await response.Content.ReadAsByteArrayAsync()).Length);

        var kestrel = engine != "pipelines";
        var trace = await WaitForTraceAsync(requestId, trace => !kestrel || (trace.Spans.Any(s => s.Scope == AspNetCoreScope) && trace.Spans.Any(s => s.Scope == HttpClientScope)));
        var server = trace.Spans.Single(s => s.Name == StageBreakdownCalculator.ServerSpan);
        var upstream = trace.Spans.Single(s => s.Name == StageBreakdownCalculator.UpstreamSpan);
        Assert.Equal("server", server.Kind);
        Assert.Equal("client", upstream.Kind);
        Assert.Equal(engine, server.Attribute("corslab.engine"));
        Assert.Equal("corslab-" + engine, server.Service);
        Assert.Equal("GET", upstream.Attribute("http.request.method"));
        Assert.Equal("127.0.0.1", upstream.Attribute("server.address"));
        Assert.NotNull(upstream.EventTime(StageBreakdownCalculator.EventUpstreamHead));
        Assert.NotNull(upstream.EventTime(StageBreakdownCalculator.EventUpstreamEnd));
        Assert.NotNull(server.EventTime("first-byte-out"));
        Assert.NotNull(StageBreakdownCalculator.Stages(trace.Spans));
        if (kestrel)
        {
            // The Kestrel engines: ASP.NET Core's server span above ours, HttpClient's client span under the upstream one.
            Assert.Contains(trace.Spans, s => s.Scope == AspNetCoreScope && s.Kind == "server");
            Assert.Contains(trace.Spans, s => s.Scope == HttpClientScope && s.Kind == "client" && s.ParentSpanId == upstream.SpanId);
        }
    }

    [Theory]
    [InlineData("httpclient")]
    [InlineData("yarp")]
    [InlineData("pipelines")]
    public async Task TracedEngine_AddsNoTraceparentUpstream(string engine)
    {
        await using var proxy = await StartTracedAsync(engine);

        using var response = await SendAsync(proxy, "headers", $"{engine}-{Guid.NewGuid():N}");

        var seen = await response.Content.ReadAsStringAsync();
        Assert.Contains(CorrelationHeader.Name, seen, StringComparison.Ordinal);
        Assert.DoesNotContain("traceparent", seen, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("httpclient", false)]
    [InlineData("httpclient", true)]
    [InlineData("yarp", false)]
    [InlineData("yarp", true)]
    [InlineData("pipelines", false)]
    [InlineData("pipelines", true)]
    public async Task DrippedResponse_SpansShowWhetherTheEngineHeldItBack(string engine, bool buffering)
    {
        await using var proxy = await StartTracedAsync(engine, buffering ? ["buffer-response"] : []);
        var requestId = $"{engine}-drip-{Guid.NewGuid():N}";

        // 200 ms of drip: the copy's last tenth is 20 ms wide, far more than a busy machine delays one write.

        using (var response = await SendAsync(proxy, "drip?chunks=5&size=100&interval_ms=50", requestId))
        {
            Assert.Equal(500, (await response.Content.ReadAsByteArrayAsync()).Length);
        }

        var trace = await WaitForTraceAsync(requestId);
        Assert.Equal(buffering, StageBreakdownCalculator.HeldBack(trace.Spans));
    }

    [Theory]
    [InlineData("httpclient")]
    [InlineData("yarp")]
    [InlineData("pipelines")]
    public async Task EngineExportsItsMeterAndTheRuntimes_UnderItsProcessId(string engine)
    {
        await using var proxy = await StartTracedAsync(engine);
        using (await SendAsync(proxy, "bytes/1024", $"{engine}-{Guid.NewGuid():N}"))
        {
        }

        // The meter exports every second, cumulative: wait until an export counts the request.
        var pid = proxy.Process.ProcessId;
        var points = await FilePolling.WaitForAsync<MetricPointRecord>(_receiver.MetricsPath, all =>
            all.Any(p => p.Pid == pid && p.Name == "corslab.proxy.forwarded" && p.Value >= 1)
            && all.Any(p => p.Pid == pid && p.Name == "dotnet.process.cpu.time"));
        var forwarded = points.Last(p => p.Pid == pid && p.Name == "corslab.proxy.forwarded");
        Assert.Equal(MetricKinds.Sum, forwarded.Kind);
        Assert.True(forwarded.Monotonic);
        Assert.Equal(MetricKinds.Cumulative, forwarded.Temporality);
        Assert.Equal("corslab-" + engine, forwarded.Service);
        Assert.Equal(TelemetryNames.Proxy, forwarded.Scope);
        var cpu = points.Where(p => p.Pid == pid && p.Name == "dotnet.process.cpu.time").ToList();
        Assert.Equal("s", cpu[0].Unit);
        Assert.Contains(cpu, p => p.Attributes.GetValueOrDefault("cpu.mode") == "user" && p.Value > 0);
    }

    /// <summary>
    /// The trace of <paramref name="requestId"/> once its server and upstream spans (and whatever <paramref name="complete"/>
    /// asks) were received: spans end, and so are exported, in different batches.
    /// </summary>
    private async Task<RequestTrace> WaitForTraceAsync(string requestId, Func<RequestTrace, bool>? complete = null)
    {
        var spans = await FilePolling.WaitForAsync<SpanRecord>(_receiver.SpansPath, all =>
            RequestTrace.Join(all).FirstOrDefault(t => t.RequestId == requestId) is { } trace
            && trace.Spans.Any(s => s.Name == StageBreakdownCalculator.ServerSpan)
            && trace.Spans.Any(s => s.Name == StageBreakdownCalculator.UpstreamSpan)
            && (complete is null || complete(trace)));
        return RequestTrace.Join(spans).Single(t => t.RequestId == requestId);
    }

    /// <summary>Every request traced, and batches sent every 100 ms, so tests poll briefly rather than for the SDK's 5 s.</summary>
    private Task<EngineProcess> StartTracedAsync(string engine, string[]? faults = null) => LabComponents.StartEngineAsync(
        engine, _origin, faults ?? [], CancellationToken.None, tracing: new EngineTracing(
            ["--trace-sampling", "1"],
            new Dictionary<string, string>
            {
                ["OTEL_EXPORTER_OTLP_ENDPOINT"] = _receiver.HttpEndpoint.AbsoluteUri,
                ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
                ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
            }));

    private async Task<HttpResponseMessage> SendAsync(EngineProcess proxy, string originPath, string requestId)
    {
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, proxy.TargetTemplate.Replace("{url}", Uri.EscapeDataString(new Uri(_origin.HttpUrl, originPath).AbsoluteUri), StringComparison.Ordinal));
        request.Headers.Add(CorrelationHeader.Name, requestId);
        return await client.SendAsync(request);
    }
}
