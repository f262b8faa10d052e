using CorsLab.Proxies.Core.Upstream;
using Microsoft.Extensions.Logging;

namespace CorsLab.Proxies.HttpClient.Logging;

/// <summary>Every log event of the httpclient engine, ids in one place (YARP's EventIds habit).</summary>
internal static partial class HttpClientLog
{
    /// <summary>Information, not Warning: a scenario that fails on purpose must not flood a default run's stderr.</summary>
    [LoggerMessage(EventId = 1, EventName = "ForwardFailed", Level = LogLevel.Information,
        Message = "Forwarding to {TargetHost} failed on the {Side} side: {ErrorType} ({Reason})")]
    public static partial void ForwardFailed(this ILogger logger, string targetHost, string side, UpstreamError errorType, string reason);

    [LoggerMessage(EventId = 2, EventName = "ClientAborted", Level = LogLevel.Debug,
        Message = "The client aborted its request to {TargetHost}")]
    public static partial void ClientAborted(this ILogger logger, string targetHost);
}
