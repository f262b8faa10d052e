using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CorsLab.Tracing.Tests;

/// <summary>The receiver takes real exports from the OpenTelemetry SDK's OTLP exporter, over HTTP and gRPC, into spans.jsonl.</summary>
public sealed class OtlpReceiverTests : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"corslab-tracing-{Guid.NewGuid():N}");
    private OtlpReceiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await OtlpReceiver.StartAsync(_directory, CancellationToken.None);

    public async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task HttpProtobufExport_FromOtlpExporter_WritesOneLinePerSpan()
    {
        ExportOneRequest(OtlpExportProtocol.HttpProtobuf, new Uri(_receiver.HttpEndpoint, "v1/traces"), "http-1");

        var spans = await FilePolling.WaitForAsync<SpanRecord>(_receiver.SpansPath, s => s.Count >= 2);
        AssertExported(spans, "http-1");
    }

    [Fact]
    public async Task GrpcExport_FromOtlpExporter_WritesOneLinePerSpan()
    {
        ExportOneRequest(OtlpExportProtocol.Grpc, _receiver.GrpcEndpoint, "grpc-1");

        var spans = await FilePolling.WaitForAsync<SpanRecord>(_receiver.SpansPath, s => s.Count >= 2);
        AssertExported(spans, "grpc-1");
    }

    [Fact]
    public async Task EveryLine_IsAJsonObjectWithTheDocumentedFields()
    {
        ExportOneRequest(OtlpExportProtocol.HttpProtobuf, new Uri(_receiver.HttpEndpoint, "v1/traces"), "json-1");
        await FilePolling.WaitForAsync<SpanRecord>(_receiver.SpansPath, s => s.Count >= 2);

        foreach (var line in File.ReadLines(_receiver.SpansPath))
        {
            using var json = JsonDocument.Parse(line);
            foreach (var field in new[] { "trace_id", "span_id", "name", "kind", "start_unix_ns", "end_unix_ns", "duration_ns", "service", "attributes", "events" })
            {
                Assert.True(json.RootElement.TryGetProperty(field, out _), $"{field} missing in {line}");
            }
        }
    }

    [Fact]
    public async Task HttpExport_NotProtobuf_Returns415()
    {
        using var client = new HttpClient();
        using var content = new StringContent("{}", new MediaTypeHeaderValue("application/json"));

        using var response = await client.PostAsync(new Uri(_receiver.HttpEndpoint, "v1/traces"), content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Theory]
    [InlineData(OtlpExportProtocol.HttpProtobuf)]
    [InlineData(OtlpExportProtocol.Grpc)]
    public async Task MetricsExport_FromOtlpExporter_WritesEveryDataPoint(OtlpExportProtocol protocol)
    {
        var endpoint = protocol == OtlpExportProtocol.Grpc ? _receiver.GrpcEndpoint : new Uri(_receiver.HttpEndpoint, "v1/metrics");
        ExportMetrics(protocol, endpoint);

        var points = await FilePolling.WaitForAsync<MetricPointRecord>(_receiver.MetricsPath, p => p.Count >= 5);

        var counted = points.Where(p => p.Name == "test.counted").ToList();
        Assert.Equal(2, counted.Count);
        Assert.All(counted, p => Assert.Equal(MetricKinds.Sum, p.Kind));
        Assert.All(counted, p => Assert.True(p.Monotonic));
        Assert.All(counted, p => Assert.Equal(MetricKinds.Cumulative, p.Temporality));
        Assert.All(counted, p => Assert.Equal("{request}", p.Unit));
        Assert.All(counted, p => Assert.Equal("receiver-test", p.Service));
        Assert.All(counted, p => Assert.Equal(4242, p.Pid));
        Assert.Equal(5, counted.Single(p => p.Attributes["side"] == "client").Value);
        Assert.Equal(2, counted.Single(p => p.Attributes["side"] == "origin").Value);
        var level = Assert.Single(points, p => p.Name == "test.level");
        Assert.Equal(MetricKinds.Sum, level.Kind);
        Assert.False(level.Monotonic);
        Assert.Equal(-3, level.Value);
        var gauge = Assert.Single(points, p => p.Name == "test.gauge");
        Assert.Equal(MetricKinds.Gauge, gauge.Kind);
        Assert.Equal(0.75, gauge.Value);
        var timed = Assert.Single(points, p => p.Name == "test.timed");
        Assert.Equal(MetricKinds.Histogram, timed.Kind);
        Assert.Equal(3UL, timed.Count);
        Assert.Equal(0.6, timed.Sum!.Value, 6);
        Assert.All(points, p => Assert.True(p.TimeUnixNs > p.StartUnixNs || p.Kind == MetricKinds.Gauge));
        Assert.Equal(points.Count, _receiver.MetricPointCount);
        Assert.Equal(0, _receiver.SpanCount);
    }

    [Fact]
    public async Task MetricsExport_NotProtobuf_Returns415()
    {
        using var client = new HttpClient();
        using var content = new StringContent("{}", new MediaTypeHeaderValue("application/json"));

        using var response = await client.PostAsync(new Uri(_receiver.HttpEndpoint, "v1/metrics"), content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task RequestTraces_JoinsTheReceivedSpansByRequestId()
    {
        ExportOneRequest(OtlpExportProtocol.HttpProtobuf, new Uri(_receiver.HttpEndpoint, "v1/traces"), "join-1");
        await FilePolling.WaitForAsync<SpanRecord>(_receiver.SpansPath, s => s.Count >= 2);

        var trace = Assert.Single(await _receiver.RequestTracesAsync(CancellationToken.None));

        Assert.Equal("join-1", trace.RequestId);
        Assert.Equal(2, trace.Spans.Count);
    }

    /// <summary>A server span with the request id and an event, and a client span under it, exported at once.</summary>
    private static void ExportOneRequest(OtlpExportProtocol protocol, Uri endpoint, string requestId)
    {
        var sourceName = "CorsLab.Tracing.Tests." + Guid.NewGuid().ToString("N");
        using var source = new ActivitySource(sourceName);
        using (var provider = Sdk.CreateTracerProviderBuilder()
            .ConfigureResource(r => r.AddService("receiver-test"))
            .AddSource(sourceName)
            .AddOtlpExporter(o =>
            {
                o.Protocol = protocol;
                o.Endpoint = endpoint;
                o.ExportProcessorType = ExportProcessorType.Simple;
            })
            .Build())
        {
            using (var server = source.StartActivity("corslab.proxy.request", ActivityKind.Server))
            {
                server!.SetTag(RequestTrace.RequestIdAttribute, requestId);
                using (source.StartActivity("corslab.proxy.upstream", ActivityKind.Client))
                {
                    server.AddEvent(new ActivityEvent("first-byte-out"));
                }
            }

            provider.ForceFlush();
        }
    }

    /// <summary>A counter with two attribute sets, an up-down counter, a gauge and a histogram, exported once, when the provider is disposed.</summary>
    private static void ExportMetrics(OtlpExportProtocol protocol, Uri endpoint)
    {
        using var meter = new Meter("CorsLab.Tracing.Tests." + Guid.NewGuid().ToString("N"));
        var counted = meter.CreateCounter<long>("test.counted", "{request}");
        var level = meter.CreateUpDownCounter<long>("test.level");
        var timed = meter.CreateHistogram<double>("test.timed", "s");
        meter.CreateObservableGauge("test.gauge", () => 0.75);
        using var provider = Sdk.CreateMeterProviderBuilder()
            .ConfigureResource(r => r.AddService("receiver-test").AddAttributes([new KeyValuePair<string, object>("process.pid", 4242)]))
            .AddMeter(meter.Name)
            .AddOtlpExporter((o, reader) =>
            {
                o.Protocol = protocol;
                o.Endpoint = endpoint;
                reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = 60_000;
            })
            .Build();
        counted.Add(5, new KeyValuePair<string, object?>("side", "client"));
        counted.Add(2, new KeyValuePair<string, object?>("side", "origin"));
        level.Add(-3);
        timed.Record(0.1);
        timed.Record(0.2);
        timed.Record(0.3);

        // Disposing the provider collects and exports once more; with ForceFlush too, every point would come twice.
    }

    private static void AssertExported(IReadOnlyList<SpanRecord> spans, string requestId)
    {
        var server = Assert.Single(spans, s => s.Name == "corslab.proxy.request");
        var client = Assert.Single(spans, s => s.Name == "corslab.proxy.upstream");
        Assert.Equal("server", server.Kind);
        Assert.Equal("client", client.Kind);
        Assert.Equal(server.TraceId, client.TraceId);
        Assert.Equal(server.SpanId, client.ParentSpanId);
        Assert.Null(server.ParentSpanId);
        Assert.Equal(32, server.TraceId.Length);
        Assert.Equal(16, server.SpanId.Length);
        Assert.Equal(requestId, server.Attribute(RequestTrace.RequestIdAttribute));
        Assert.Equal("receiver-test", server.Service);
        Assert.True(server.EndUnixNs >= server.StartUnixNs);
        Assert.NotNull(server.EventTime("first-byte-out"));
        var joined = Assert.Single(RequestTrace.Join(spans));
        Assert.Equal(requestId, joined.RequestId);
        Assert.Equal(2, joined.Spans.Count);
    }
}
