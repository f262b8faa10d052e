using CorsLab.Proxies.Core.Upstream;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Forwarder;

namespace CorsLab.Proxies.Yarp.Logging;

/// <summary>
/// Every log event of the yarp engine, ids in one place (YARP's EventIds habit). YARP's own forwarder logs the
/// exception of a failed forward (category Yarp.ReverseProxy.Forwarder.HttpForwarder, event 48), shown with ForwardFailed.
/// </summary>
internal static partial class YarpLog
{
    /// <summary>Information, not Warning: a scenario that fails on purpose must not flood a default run's stderr.</summary>
    [LoggerMessage(EventId = 1, EventName = "ForwardFailed", Level = LogLevel.Information,
        Message = "Forwarding to {TargetHost} failed on the {Side} side: {ErrorType} ({Reason})")]
    public static partial void ForwardFailed(this ILogger logger, string targetHost, string side, UpstreamError errorType, string reason);

    [LoggerMessage(EventId = 2, EventName = "ClientAborted", Level = LogLevel.Debug,
        Message = "The client aborted its request to {TargetHost}")]
    public static partial void ClientAborted(this ILogger logger, string targetHost);

    [LoggerMessage(EventId = 3, EventName = "ForwarderErrorMapped", Level = LogLevel.Debug,
        Message = "YARP reported {ForwarderError}, mapped to {ErrorType}")]
    public static partial void ForwarderErrorMapped(this ILogger logger, ForwarderError forwarderError, UpstreamError errorType);
}
