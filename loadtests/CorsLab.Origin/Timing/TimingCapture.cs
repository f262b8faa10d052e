using System.Diagnostics;
using CorsLab.Protocol.OriginTimings;
using Microsoft.AspNetCore.Http;

namespace CorsLab.Origin.Timing;

/// <summary>
/// The instants of one recorded request as they happen. One instance per recorded request; the hot-path
/// methods only read the clock and add. A request's reads and writes are sequential, so no locking.
/// Published to the store when the server reports the response complete (also for aborted ones).
/// </summary>
internal sealed class TimingCapture(HttpContext context, TimingStore store, string id, string path, long headIn)
{
    private readonly string _connectionId = context.Connection.Id;
    private readonly string _method = context.Request.Method;

    // 0 means "did not happen": Stopwatch.GetTimestamp() is never 0 once the process runs.
    private long _requestBodyFirst;
    private long _requestBodyLast;
    private long _requestBytes;
    private long _responseStart;
    private long _responseBodyFirst;
    private long _responseBodyLast;
    private long _responseBytes;

    public void OnRequestBytes(int count)
    {
        var now = Stopwatch.GetTimestamp();
        if (_requestBodyFirst == 0)
        {
            _requestBodyFirst = now;
        }

        _requestBodyLast = now;
        _requestBytes += count;
    }

    public void OnResponseStarting()
    {
        // Kestrel also runs OnStarting after an aborted request ends; no head goes out then.
        if (_responseStart == 0 && !context.RequestAborted.IsCancellationRequested)
        {
            _responseStart = Stopwatch.GetTimestamp();
        }
    }

    public void OnResponseBytes(long count)
    {
        var now = Stopwatch.GetTimestamp();
        if (_responseBodyFirst == 0)
        {
            _responseBodyFirst = now;
        }

        _responseBodyLast = now;
        _responseBytes += count;
    }

    /// <summary>Hands the record to the store; the final status and the abort flag are read now.</summary>
    public void Publish()
        => store.Publish(this, context.Response.StatusCode, context.RequestAborted.IsCancellationRequested || IsResponseShort());

    public OriginTiming ToTiming(long seq, int status, bool aborted) => new(
        seq,
        id,
        _connectionId,
        _method,
        path,
        status,
        headIn,
        OrNull(_requestBodyFirst),
        OrNull(_requestBodyLast),
        _requestBytes,
        OrNull(_responseStart),
        OrNull(_responseBodyFirst),
        OrNull(_responseBodyLast),
        _responseBytes,
        aborted);

    /// <summary>Fewer body bytes went out than the Content-Length announced: the server then ends the connection mid-body.</summary>
    private bool IsResponseShort()
    {
        var response = context.Response;
        return response.ContentLength is { } announced
            && _responseBytes < announced
            && !HttpMethods.IsHead(_method)
            && response.StatusCode is not (StatusCodes.Status204NoContent or StatusCodes.Status205ResetContent or StatusCodes.Status304NotModified);
    }

    private static long? OrNull(long instant) => instant == 0 ? null : instant;
}
