using CorsLab.Proxies.Pipelines.Http;
using Microsoft.Extensions.Logging;

namespace CorsLab.Proxies.Pipelines.Logging;

/// <summary>Every log event of the pipelines engine, ids in one place (YARP's EventIds habit); ids 1 and 2 are Core's <c>ForwardingLog</c>.</summary>
internal static partial class PipelinesLog
{
    [LoggerMessage(EventId = 3, EventName = "RequestRejected", Level = LogLevel.Information,
        Message = "Request head rejected with {StatusCode}: {RejectionReason}")]
    public static partial void RequestRejected(this ILogger logger, int statusCode, RequestRejectionReason rejectionReason);

    [LoggerMessage(EventId = 4, EventName = "RequestHeadTimedOut", Level = LogLevel.Information,
        Message = "Request head incomplete after {Timeout}; answered 408")]
    public static partial void RequestHeadTimedOut(this ILogger logger, TimeSpan timeout);

    [LoggerMessage(EventId = 5, EventName = "AcceptFailed", Level = LogLevel.Warning,
        Message = "An accept failed; the next is tried in {BackoffMilliseconds} ms")]
    public static partial void AcceptFailed(this ILogger logger, Exception exception, double backoffMilliseconds);

    [LoggerMessage(EventId = 6, EventName = "AcceptReset", Level = LogLevel.Debug,
        Message = "A connection was reset before it was accepted")]
    public static partial void AcceptReset(this ILogger logger);

    /// <summary>Anything but I/O ending a connection is a bug in the engine; it must not pass silently.</summary>
    [LoggerMessage(EventId = 7, EventName = "ConnectionFailed", Level = LogLevel.Error,
        Message = "A client connection ended with an unexpected error")]
    public static partial void ConnectionFailed(this ILogger logger, Exception exception);
}
