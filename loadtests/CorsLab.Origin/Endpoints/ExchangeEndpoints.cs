using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using CorsLab.Protocol;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace CorsLab.Origin.Endpoints;

/// <summary>Endpoints that show what arrived (echo, headers) and send what was asked for (response-headers).</summary>
internal static class ExchangeEndpoints
{
    /// <summary>Echo reads and writes in pieces of this size: Kestrel hands out request bytes in 4 KiB blocks, 16 KiB batches several.</summary>
    private const int EchoBufferSize = 16 * 1024;

    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// <c>ANY /echo</c>: the request body streamed back as it arrives (read a piece, write it, flush), with the
    /// request's Content-Type and, when it had one, its Content-Length.
    /// </summary>
    public static async Task EchoAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        var headers = response.Headers;
        headers["x-echo-method"] = request.Method;
        headers["x-echo-content-length"] = request.ContentLength is { } length
            ? length.ToString(CultureInfo.InvariantCulture)
            : "none";
        var transferEncoding = request.Headers.TransferEncoding;
        headers["x-echo-transfer-encoding"] = transferEncoding.Count > 0 ? transferEncoding.ToString() : "none";
        if (request.ContentType is { } contentType)
        {
            response.ContentType = contentType;
        }

        var isHead = HttpMethods.IsHead(request.Method);
        if (request.ContentLength is { } contentLength && !isHead)
        {
            response.ContentLength = contentLength;
        }

        // The head goes out with the first echoed piece, not before: answering first would make a client
        // that sent "Expect: 100-continue" give up on sending the body.
        var aborted = context.RequestAborted;
        var buffer = ArrayPool<byte>.Shared.Rent(EchoBufferSize);
        try
        {
            while (true)
            {
                var read = await request.Body.ReadAsync(buffer.AsMemory(0, EchoBufferSize), aborted);
                if (read == 0)
                {
                    return;
                }

                if (!isHead)
                {
                    await response.BodyWriter.WriteAsync(buffer.AsMemory(0, read), aborted);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// <c>ANY /sink</c>: reads the whole request body before answering, then reports
    /// <c>received {n} bytes, payload {ok|mismatch at OFFSET}</c>. Uploads can be checked byte for byte without the
    /// full-duplex exchange /echo needs, which HTTP/1.1 clients built on HttpClient cannot drive.
    /// </summary>
    public static async Task SinkAsync(HttpContext context)
    {
        var aborted = context.RequestAborted;
        var buffer = ArrayPool<byte>.Shared.Rent(EchoBufferSize);
        long received = 0;
        long? mismatchAt = null;
        try
        {
            int read;
            while ((read = await context.Request.Body.ReadAsync(buffer.AsMemory(0, EchoBufferSize), aborted)) > 0)
            {
                if (mismatchAt is null && !OriginPayload.Matches(buffer.AsSpan(0, read), received))
                {
                    mismatchAt = received;
                }

                received += read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        context.Response.ContentType = "text/plain";
        var verdict = mismatchAt is { } at ? $"mismatch at {at.ToString(CultureInfo.InvariantCulture)}" : "ok";
        await context.Response.WriteAsync($"received {received.ToString(CultureInfo.InvariantCulture)} bytes, payload {verdict}", aborted);
    }

    /// <summary>
    /// <c>ANY /headers</c>: the request headers as one JSON object, names lower-case, repeated values joined
    /// with ", ", plus <c>_method</c>, <c>_path</c> (the request target as received) and <c>_host</c>.
    /// </summary>
    public static async Task HeadersAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        response.ContentType = "application/json";
        using (var json = new Utf8JsonWriter(response.BodyWriter, JsonOptions))
        {
            json.WriteStartObject();
            foreach (var (name, values) in request.Headers)
            {
                json.WriteString(name.ToLowerInvariant(), values.Count == 1 ? values[0] : string.Join(", ", values.ToArray()));
            }

            json.WriteString("_method", request.Method);
            json.WriteString("_path", context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget);
            json.WriteString("_host", request.Host.Value);
            json.WriteEndObject();
        }

        await response.BodyWriter.FlushAsync(context.RequestAborted);
    }

    /// <summary>
    /// <c>GET /response-headers?Name=Value&amp;...</c>: 200, body <c>ok</c>, each query pair appended as a response
    /// header. Framing headers (Content-Length, Transfer-Encoding) are refused with 400: the server frames the body.
    /// </summary>
    public static Task ResponseHeadersAsync(HttpContext context)
    {
        var response = context.Response;
        foreach (var (name, values) in context.Request.Query)
        {
            if (IsFraming(name))
            {
                response.Headers.Clear();
                response.StatusCode = StatusCodes.Status400BadRequest;
                return response.WriteAsync($"{name} frames the body and cannot be set here");
            }

            foreach (var value in values)
            {
                try
                {
                    response.Headers.Append(name, value);
                }
                catch (InvalidOperationException error)
                {
                    // Kestrel validates names and values as they are set (control or non-ASCII characters).
                    response.Headers.Clear();
                    response.StatusCode = StatusCodes.Status400BadRequest;
                    return response.WriteAsync(error.Message);
                }
            }
        }

        response.ContentType = "text/plain";
        return response.WriteAsync("ok");
    }

    private static bool IsFraming(string name)
        => string.Equals(name, "Content-Length", StringComparison.OrdinalIgnoreCase)
        || string.Equals(name, "Transfer-Encoding", StringComparison.OrdinalIgnoreCase);
}
