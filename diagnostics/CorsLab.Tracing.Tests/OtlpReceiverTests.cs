using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using OpenTelemetry;
using OpenTelemetry.Exporter;
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

        var spans = await SpanPolling.WaitForAsync(_receiver.SpansPath, s => s.Count >= 2);
        AssertExported(spans, "http-1");
    }

    [Fact]
    public async Task GrpcExport_FromOtlpExporter_WritesOneLinePerSpan()
    {
        ExportOneRequest(OtlpExportProtocol.Grpc, _receiver.GrpcEndpoint, "grpc-1");

        var spans = await SpanPolling.WaitForAsync(_receiver.SpansPath, s => s.Count >= 2);
        AssertExported(spans, "grpc-1");
    }

    [Fact]
    public async Task EveryLine_IsAJsonObjectWithTheDocumentedFields()
    {
        ExportOneRequest(OtlpExportProtocol.HttpProtobuf, new Uri(_receiver.HttpEndpoint, "v1/traces"), "json-1");
        await SpanPolling.WaitForAsync(_receiver.SpansPath, s => s.Count >= 2);

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

    [Fact]
    public async Task MetricsExport_IsAcceptedAndDropped()
    {
        using var client = new HttpClient();
        using var content = new ByteArrayContent([]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-protobuf");

        using var response = await client.PostAsync(new Uri(_receiver.HttpEndpoint, "v1/metrics"), content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, _receiver.SpanCount);
    }

    [Fact]
    public async Task RequestTraces_JoinsTheReceivedSpansByRequestId()
    {
        ExportOneRequest(OtlpExportProtocol.HttpProtobuf, new Uri(_receiver.HttpEndpoint, "v1/traces"), "join-1");
        await SpanPolling.WaitForAsync(_receiver.SpansPath, s => s.Count >= 2);

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
