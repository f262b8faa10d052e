using System.IO.Compression;
using CorsLab.Tracing.Otlp.Collector;
using Google.Protobuf;
using Microsoft.AspNetCore.Http;

namespace CorsLab.Tracing;

/// <summary>OTLP/HTTP with binary protobuf: <c>POST /v1/traces</c> writes the spans, <c>POST /v1/metrics</c> the data points.</summary>
internal static class OtlpHttpEndpoints
{
    public const string TracesPath = "/v1/traces";
    public const string MetricsPath = "/v1/metrics";
    private const string Protobuf = "application/x-protobuf";

    public static Task<IResult> ExportTracesAsync(HttpContext context, ReceiverFiles files) =>
        ExportAsync(context, ExportTraceServiceRequest.Parser, export => files.Spans.Append(SpanRecords.From(export)), new ExportTraceServiceResponse());

    public static Task<IResult> ExportMetricsAsync(HttpContext context, ReceiverFiles files) =>
        ExportAsync(context, ExportMetricsServiceRequest.Parser, export => files.Metrics.Append(MetricPointRecords.From(export)), new ExportMetricsServiceResponse());

    private static async Task<IResult> ExportAsync<TExport>(HttpContext context, MessageParser<TExport> parser, Action<TExport> write, IMessage response)
        where TExport : IMessage<TExport>
    {
        if (!IsProtobuf(context.Request))
        {
            // OTLP/HTTP JSON is not read here: every SDK defaults to protobuf.
            return TypedResults.StatusCode(StatusCodes.Status415UnsupportedMediaType);
        }

        TExport export;
        try
        {
            await using var body = Decoded(context.Request);
            export = parser.ParseFrom(await ReadAllAsync(body, context.RequestAborted));
        }
        catch (Exception error) when (error is InvalidProtocolBufferException or InvalidDataException)
        {
            return TypedResults.BadRequest();
        }

        write(export);
        return TypedResults.Bytes(response.ToByteArray(), Protobuf);
    }

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
