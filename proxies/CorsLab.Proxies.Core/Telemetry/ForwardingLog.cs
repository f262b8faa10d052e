using CorsLab.Proxies.Core.Upstream;
using Microsoft.Extensions.Logging;

namespace CorsLab.Proxies.Core.Telemetry;

/// <summary>
/// The log events every engine writes where it maps a forwarding failure, under the engine's own category. Ids 1
/// and 2 are these; each engine's <c>Logging/*Log.cs</c> holds the ids from 3 up that only it writes.
/// </summary>
public static partial class ForwardingLog
{
    /// <summary>A client that went away is Debug; any other failure Information, not Warning, so a scenario that
    /// fails on purpose does not flood a default run's stderr.</summary>
    public static void Failure(this ILogger logger, UpstreamFailure failure, string targetHost)
    {
        if (failure.Error == UpstreamError.ClientAborted)
        {
            logger.ClientAborted(targetHost);
            return;
        }

        logger.ForwardFailed(targetHost, failure.Side, failure.Error, failure.Reason);
    }

    [LoggerMessage(EventId = 1, EventName = "ForwardFailed", Level = LogLevel.Information,
        Message = "Forwarding to {TargetHost} failed on the {Side} side: {ErrorType} ({Reason})")]
    private static partial void ForwardFailed(this ILogger logger, string targetHost, string side, UpstreamError errorType, string reason);

    [LoggerMessage(EventId = 2, EventName = "ClientAborted", Level = LogLevel.Debug,
        Message = "The client aborted its request to {TargetHost}")]
    private static partial void ClientAborted(this ILogger logger, string targetHost);
}
