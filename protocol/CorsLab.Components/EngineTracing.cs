using System.Globalization;

namespace CorsLab.Components;

/// <summary>How an engine child is told to export its traces: <c>corslab proxy</c> flags and <c>OTEL_*</c> variables.</summary>
public sealed record EngineTracing(IReadOnlyList<string> Arguments, IReadOnlyDictionary<string, string> Environment)
{
    /// <summary>The batch export delay set by <see cref="ToReceiver"/>: wait twice this for the last spans.</summary>
    public const int ExportDelayMilliseconds = 1000;

    /// <summary>
    /// To the lab's own receiver over OTLP/HTTP. The batch goes out every second (the SDK's default is 5 s), so the
    /// spans of a run are in a second or two after its load ends; the larger queue keeps a busy engine's spans from
    /// being dropped between exports. The trace-specific variables are set too: inherited from the user's shell, they
    /// would win over the general ones and send the spans elsewhere.
    /// </summary>
    public static EngineTracing ToReceiver(Uri httpEndpoint, double sampling) => new(
        SamplingArguments(sampling),
        new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = httpEndpoint.AbsoluteUri.TrimEnd('/'),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"] = httpEndpoint.AbsoluteUri.TrimEnd('/') + "/v1/traces",
            ["OTEL_EXPORTER_OTLP_TRACES_PROTOCOL"] = "http/protobuf",
            ["OTEL_BSP_SCHEDULE_DELAY"] = ExportDelayMilliseconds.ToString(CultureInfo.InvariantCulture),
            ["OTEL_BSP_MAX_QUEUE_SIZE"] = "16384",
        });

    /// <summary>To the user's collector; its protocol comes from the lab's own <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>, inherited.</summary>
    public static EngineTracing ToCollector(Uri endpoint, double sampling) =>
        new(["--otlp-endpoint", endpoint.AbsoluteUri, .. SamplingArguments(sampling)], new Dictionary<string, string>());

    private static string[] SamplingArguments(double sampling) =>
        ["--trace-sampling", sampling.ToString("R", CultureInfo.InvariantCulture)];
}
