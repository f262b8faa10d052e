using System.CommandLine;
using System.Globalization;

namespace CorsLab.Cli.Usage;

/// <summary><c>--otlp-endpoint</c> and <c>--trace-sampling</c>, the same on <c>proxy</c>, <c>bench</c> and <c>investigate</c>.</summary>
internal static class TraceOptions
{
    public static Option<string?> Endpoint(string description) => new("--otlp-endpoint") { Description = description };

    public static Option<string?> Sampling(string description) => new("--trace-sampling") { Description = description };

    /// <summary>An absolute http(s) URL (an OTLP collector's base address), or a usage error.</summary>
    public static Uri? ParseEndpoint(Option option, string? text) =>
        text is null ? null
        : Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new UsageException($"{option.Name}: '{text}' is not an absolute http(s) URL, e.g. http://127.0.0.1:4317 (OTLP/gRPC) or http://127.0.0.1:4318 (OTLP/HTTP)");

    /// <summary>A ratio from 0 to 1 (0.1 keeps one trace in ten), or a usage error.</summary>
    public static double? ParseSampling(Option option, string? text) =>
        text is null ? null
        : double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var ratio) && ratio is >= 0 and <= 1
            ? ratio
            : throw new UsageException($"{option.Name}: '{text}' is not a ratio from 0 to 1, e.g. 0.1 (one trace in ten) or 1 (every request)");
}
