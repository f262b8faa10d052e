using System.IO.Compression;
using CorsLab.Tracing.Otlp.Collector;
using Google.Protobuf;
using Microsoft.AspNetCore.Http;

namespace CorsLab.Tracing;

/// <summary>
/// OTLP/HTTP with binary protobuf: <c>POST /v1/traces</c> writes the spans; <c>POST /v1/metrics</c> is accepted and
/// dropped, so an engine exporting its meter to the lab's receiver gets no error (the lab reads its meter elsewhere).
/// </summary>
internal static class OtlpHttpEndpoints
{
    public const string TracesPath = "/v1/traces";
    public const string MetricsPath = "/v1/metrics";
    private const string Protobuf = "application/x-protobuf";

    public static async Task<IResult> ExportTracesAsync(HttpContext context, SpanWriter writer)
    {
        if (!IsProtobuf(context.Request))
        {
            // OTLP/HTTP JSON is not read here: every SDK defaults to protobuf.
            return TypedResults.StatusCode(StatusCodes.Status415UnsupportedMediaType);
        }

        ExportTraceServiceRequest export;
        try
        {
            await using var body = Decoded(context.Request);
            export = ExportTraceServiceRequest.Parser.ParseFrom(await ReadAllAsync(body, context.RequestAborted));
        }
        catch (Exception error) when (error is InvalidProtocolBufferException or InvalidDataException)
        {
            return TypedResults.BadRequest();
        }

        writer.Write(export);
        return TypedResults.Bytes(new ExportTraceServiceResponse().ToByteArray(), Protobuf);
    }

    // An empty ExportMetricsServiceResponse is zero bytes of protobuf.
    public static IResult AcceptMetrics() => TypedResults.Bytes([], Protobuf);

    private static bool IsProtobuf(HttpRequest request) =>
        request.ContentType is { } type && type.StartsWith(Protobuf, StringComparison.OrdinalIgnoreCase);

    private static Stream Decoded(HttpRequest request) =>
        string.Equals(request.Headers.ContentEncoding, "gzip", StringComparison.OrdinalIgnoreCase)
            ? new GZipStream(request.Body, CompressionMode.Decompress)
            : request.Body;

    private static async Task<byte[]> ReadAllAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await body.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }
}
