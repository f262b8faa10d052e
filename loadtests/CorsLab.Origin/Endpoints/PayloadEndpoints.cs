using System.Text.Unicode;
using CorsLab.Protocol;
using Microsoft.AspNetCore.Http;

namespace CorsLab.Origin.Endpoints;

/// <summary>Bodies of a known size and shape: fixed length, chunked, dripped, event stream, cut short.</summary>
internal static class PayloadEndpoints
{
    /// <summary>Largest body any payload endpoint makes: 1 TiB, far beyond any run, small enough to stay a sane number.</summary>
    public const long MaxBytes = 1L << 40;

    /// <summary>Writes of <c>/bytes</c>: 16 KiB, the size of one TLS record, so https writes map onto records.</summary>
    public const int BytesChunk = 16 * 1024;

    /// <summary>Default write of <c>/chunked</c>: Kestrel's memory pool block size.</summary>
    public const int DefaultChunk = 4096;

    private const int MaxIntervalMs = 60_000;
    private const int MaxCount = 100_000;

    /// <summary><c>GET|HEAD /bytes/{n}</c>: n payload bytes with Content-Length.</summary>
    public static Task BytesAsync(HttpContext context)
    {
        if (!Args.TryRoute(context, "n", 0, MaxBytes, out var n))
        {
            return Args.BadRequestAsync(context, "n", 0, MaxBytes);
        }

        var response = context.Response;
        response.ContentType = "application/octet-stream";
        response.ContentLength = n;
        if (HttpMethods.IsHead(context.Request.Method))
        {
            return Task.CompletedTask;
        }

        return PayloadWriter.WriteAsync(response.BodyWriter, 0, n, BytesChunk, context.RequestAborted);
    }

    /// <summary><c>GET /chunked/{n}?chunk=SIZE</c>: n payload bytes, chunked, one flushed write per chunk.</summary>
    public static Task ChunkedAsync(HttpContext context)
    {
        if (!Args.TryRoute(context, "n", 0, MaxBytes, out var n))
        {
            return Args.BadRequestAsync(context, "n", 0, MaxBytes);
        }

        if (!Args.TryQuery(context, "chunk", DefaultChunk, 1, OriginPayload.MaxSlice, out var chunk))
        {
            return Args.BadRequestAsync(context, "chunk", 1, OriginPayload.MaxSlice);
        }

        context.Response.ContentType = "application/octet-stream";
        return PayloadWriter.WriteAsync(context.Response.BodyWriter, 0, n, (int)chunk, context.RequestAborted);
    }

    /// <summary><c>GET /drip?chunks=N&amp;size=S&amp;interval_ms=I</c>: N flushed writes of S payload bytes, I ms apart.</summary>
    public static async Task DripAsync(HttpContext context)
    {
        if (!Args.TryQuery(context, "chunks", 10, 0, MaxCount, out var chunks))
        {
            await Args.BadRequestAsync(context, "chunks", 0, MaxCount);
            return;
        }

        if (!Args.TryQuery(context, "size", 100, 1, OriginPayload.MaxSlice, out var size))
        {
            await Args.BadRequestAsync(context, "size", 1, OriginPayload.MaxSlice);
            return;
        }

        if (!Args.TryQuery(context, "interval_ms", 100, 0, MaxIntervalMs, out var interval))
        {
            await Args.BadRequestAsync(context, "interval_ms", 0, MaxIntervalMs);
            return;
        }

        var aborted = context.RequestAborted;
        context.Response.ContentType = "application/octet-stream";
        for (var i = 0L; i < chunks && !aborted.IsCancellationRequested; i++)
        {
            if (i > 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(interval), aborted);
            }

            await PayloadWriter.WriteAsync(context.Response.BodyWriter, i * size, size, (int)size, aborted);
        }
    }

    /// <summary><c>GET /sse?events=N&amp;interval_ms=I</c>: N events <c>data: event {i}</c> (i from 0), flushed each, I ms apart.</summary>
    public static async Task ServerSentEventsAsync(HttpContext context)
    {
        if (!Args.TryQuery(context, "events", 10, 0, MaxCount, out var events))
        {
            await Args.BadRequestAsync(context, "events", 0, MaxCount);
            return;
        }

        if (!Args.TryQuery(context, "interval_ms", 100, 0, MaxIntervalMs, out var interval))
        {
            await Args.BadRequestAsync(context, "interval_ms", 0, MaxIntervalMs);
            return;
        }

        var aborted = context.RequestAborted;
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        await response.StartAsync(aborted);
        for (var i = 0L; i < events && !aborted.IsCancellationRequested; i++)
        {
            if (i > 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(interval), aborted);
            }

            var span = response.BodyWriter.GetSpan(64);
            Utf8.TryWrite(span, $"data: event {i}\n\n", out var written);
            response.BodyWriter.Advance(written);
            await response.BodyWriter.FlushAsync(aborted);
        }
    }

    /// <summary>
    /// <c>GET /reset-after/{n}</c>: announces Content-Length 2n + 1, sends n payload bytes, flushes, and ends with
    /// the body incomplete, so the client sees a short body and a broken connection, never a clean end.
    /// </summary>
    /// <remarks>
    /// Why not <c>HttpContext.Abort()</c>: Kestrel's abort disposes the socket at once and drops whatever its
    /// socket sender has not yet taken, so the client would often see a reset before the head, not after n body
    /// bytes. Ending short instead is deterministic: Kestrel reports "too few bytes written" and, over HTTP/1.1,
    /// closes the connection after the last flushed byte (over HTTP/2 it resets the stream).
    /// </remarks>
    public static async Task ResetAfterAsync(HttpContext context)
    {
        if (!Args.TryRoute(context, "n", 0, int.MaxValue, out var n))
        {
            await Args.BadRequestAsync(context, "n", 0, int.MaxValue);
            return;
        }

        var response = context.Response;
        response.ContentType = "application/octet-stream";
        response.ContentLength = (2 * n) + 1;
        await response.StartAsync(context.RequestAborted);
        await PayloadWriter.WriteAsync(response.BodyWriter, 0, n, BytesChunk, context.RequestAborted);
        await response.BodyWriter.FlushAsync(context.RequestAborted);
    }
}
