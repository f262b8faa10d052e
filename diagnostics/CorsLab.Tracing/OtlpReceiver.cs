using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CorsLab.Tracing;

/// <summary>
/// The lab's OTLP receiver: Kestrel on 127.0.0.1, ephemeral ports. <see cref="HttpEndpoint"/> serves OTLP/HTTP over
/// HTTP/1.1; <see cref="GrpcEndpoint"/> serves OTLP/gRPC over cleartext HTTP/2, which needs a listener of its own
/// (without TLS there is no ALPN to pick HTTP/2 on a shared port). Spans go to <see cref="SpansPath"/>, metric data
/// points to <see cref="MetricsPath"/>.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ReceiverFiles _files;

    private OtlpReceiver(WebApplication app, ReceiverFiles files, Uri http, Uri grpc)
    {
        _app = app;
        _files = files;
        HttpEndpoint = http;
        GrpcEndpoint = grpc;
    }

    /// <summary>The base URL for OTLP/HTTP exporters (<c>OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf</c>).</summary>
    public Uri HttpEndpoint { get; }

    /// <summary>The URL for OTLP/gRPC exporters (the .NET exporter's default protocol).</summary>
    public Uri GrpcEndpoint { get; }

    /// <summary>The receiver's two ports: an exporter's own connections to them are the lab's traffic.</summary>
    public IReadOnlySet<int> Ports => new HashSet<int> { HttpEndpoint.Port, GrpcEndpoint.Port };

    public string SpansPath => _files.Spans.Path;

    public string MetricsPath => _files.Metrics.Path;

    /// <summary>Spans written so far.</summary>
    public long SpanCount => _files.Spans.Written;

    /// <summary>Metric data points written so far.</summary>
    public long MetricPointCount => _files.Metrics.Written;

    /// <summary>The spans received so far, joined per request (<see cref="RequestTrace.Join"/>).</summary>
    public async Task<IReadOnlyList<RequestTrace>> RequestTracesAsync(CancellationToken cancellationToken) =>
        RequestTrace.Join(await SpanFile.ReadAsync(SpansPath, cancellationToken));

    /// <summary>The metric data points received so far.</summary>
    public Task<IReadOnlyList<MetricPointRecord>> MetricPointsAsync(CancellationToken cancellationToken) =>
        MetricFile.ReadAsync(MetricsPath, cancellationToken);

    /// <summary>Starts the receiver, appending to <c>spans.jsonl</c> and <c>metrics.jsonl</c> in <paramref name="directory"/>.</summary>
    public static async Task<OtlpReceiver> StartAsync(string directory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var files = new ReceiverFiles(directory);
        var builder = WebApplication.CreateSlimBuilder();
        // The lab's console belongs to the run's progress lines; the receiver has nothing to say there.
        builder.Logging.ClearProviders();
        ListenOptions? http = null;
        ListenOptions? grpc = null;
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0, listen => (http = listen).Protocols = HttpProtocols.Http1);
            kestrel.Listen(IPAddress.Loopback, 0, listen => (grpc = listen).Protocols = HttpProtocols.Http2);
        });
        builder.Services.AddSingleton(files);
        builder.Services.AddGrpc();
        var app = builder.Build();
        app.MapGrpcService<TraceExportService>();
        app.MapGrpcService<MetricsExportService>();
        app.MapPost(OtlpHttpEndpoints.TracesPath, OtlpHttpEndpoints.ExportTracesAsync);
        app.MapPost(OtlpHttpEndpoints.MetricsPath, OtlpHttpEndpoints.ExportMetricsAsync);
        var started = false;
        try
        {
            await app.StartAsync(cancellationToken);
            started = true;
        }
        finally
        {
            if (!started)
            {
                await app.DisposeAsync();
                files.Dispose();
            }
        }

        // Kestrel writes the bound port back into each listener's options.
        return new OtlpReceiver(app, files, Url(http), Url(grpc));
    }

    private static Uri Url(ListenOptions? listen) =>
        new($"http://127.0.0.1:{(listen ?? throw new InvalidOperationException("Kestrel did not configure the listener")).IPEndPoint!.Port}");

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _files.Dispose();
    }
}
