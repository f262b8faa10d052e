using OpenTelemetry;
using OpenTelemetry.Context.Propagation;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CorsLab.Proxies.Core.Telemetry;

/// <summary>
/// The OTLP export of one engine process: our <see cref="ProxyTelemetry.Source"/>, ASP.NET Core and HttpClient
/// instrumentation (only the Kestrel engines emit theirs) and the runtime's networking sources; and every second the
/// engine meter with the runtime's, Kestrel's and HttpClient's (<see cref="Meters"/>). Configured by the standard <c>OTEL_*</c> variables; <see cref="Start"/>'s arguments override the
/// endpoint and the sampler. Without an endpoint nothing is built, so an untraced engine pays nothing.
/// </summary>
public static class ProxyTracing
{
    public const string EndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string TracesEndpointVariable = "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT";

    // One second: fine enough to line up with a scenario's 1 s series points.
    private const int MetricIntervalMilliseconds = 1000;

    /// <summary>
    /// The engine's meter, the runtime's (CPU, GC, thread pool, lock contention), Kestrel's (connections) and
    /// HttpClient's (pooled connections, time in queue); an engine that uses neither server nor client exports none of theirs.
    /// </summary>
    public static readonly string[] Meters = [ProxyMetrics.MeterName, "System.Runtime", "Microsoft.AspNetCore.Server.Kestrel", "System.Net.Http"];

    /// <param name="endpoint">Overrides <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>; the base URL, the signal path is added for OTLP/HTTP.</param>
    /// <param name="sampling">Ratio of new traces kept (parent-based); null leaves <c>OTEL_TRACES_SAMPLER</c> (default: all).</param>
    /// <returns>null when no endpoint is configured anywhere.</returns>
    public static IDisposable? Start(string engine, Uri? endpoint, double? sampling)
    {
        if (endpoint is null && !IsSet(EndpointVariable) && !IsSet(TracesEndpointVariable))
        {
            return null;
        }

        // The SDK's default (W3C trace context plus baggage) makes the HttpClient instrumentation write traceparent
        // upstream itself; with W3C alone it leaves that to the handler, whose propagator writes nothing (the contract
        // adds no header). Incoming traceparent is still read, so a traced client's trace continues here.
        Sdk.SetDefaultTextMapPropagator(new TraceContextPropagator());
        var tracing = Sdk.CreateTracerProviderBuilder()
            .ConfigureResource(resource => Describe(resource, engine))
            .AddSource(ProxyTelemetry.SourceName)
            .AddSource(ProxyTelemetry.NetworkingSources)
            .AddAspNetCoreInstrumentation()
            .AddHttpClientInstrumentation()
            .AddOtlpExporter(options => Aim(options, endpoint, "v1/traces"));
        if (sampling is { } ratio)
        {
            tracing.SetSampler(new ParentBasedSampler(new TraceIdRatioBasedSampler(ratio)));
        }

        var metrics = Sdk.CreateMeterProviderBuilder()
            .ConfigureResource(resource => Describe(resource, engine))
            .AddMeter(Meters)
            .AddOtlpExporter((options, reader) =>
            {
                Aim(options, endpoint, "v1/metrics");
                reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = MetricIntervalMilliseconds;
            });
        return new Providers(tracing.Build(), metrics.Build());
    }

    private static bool IsSet(string variable) => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(variable));

    private static void Describe(ResourceBuilder resource, string engine)
    {
        // OTEL_SERVICE_NAME, when set, names the service; otherwise one name per engine, so a collector tells them apart.
        if (!IsSet("OTEL_SERVICE_NAME"))
        {
            resource.AddService("corslab-" + engine);
        }

        // Two processes of one engine (a calibration twin, a faulted copy) share the service name; the pid tells them apart.
        resource.AddAttributes([new KeyValuePair<string, object>("process.pid", Environment.ProcessId)]);
    }

    /// <summary>
    /// An endpoint set in code is used as given by the exporter (only the variable gets the signal path appended),
    /// so the path is added here for OTLP/HTTP, as the variable would have it.
    /// </summary>
    private static void Aim(OtlpExporterOptions options, Uri? endpoint, string signalPath)
    {
        if (endpoint is null)
        {
            return;
        }

        options.Endpoint = options.Protocol == OtlpExportProtocol.HttpProtobuf
            ? new Uri(endpoint.AbsoluteUri.TrimEnd('/') + "/" + signalPath)
            : endpoint;
    }

    private sealed class Providers(TracerProvider tracing, MeterProvider metrics) : IDisposable
    {
        public void Dispose()
        {
            tracing.Dispose();
            metrics.Dispose();
        }
    }
}
