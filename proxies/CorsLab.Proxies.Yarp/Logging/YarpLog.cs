using CorsLab.Proxies.Core.Upstream;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Forwarder;

namespace CorsLab.Proxies.Yarp.Logging;

/// <summary>
/// Every log event of the yarp engine, ids in one place (YARP's EventIds habit); ids 1 and 2 are Core's
/// <c>ForwardingLog</c>. YARP's own forwarder logs the exception of a failed forward (category
/// Yarp.ReverseProxy.Forwarder.HttpForwarder, event 48), shown from the level that shows ForwardFailed.
/// </summary>
internal static partial class YarpLog
{
    [LoggerMessage(EventId = 3, EventName = "ForwarderErrorMapped", Level = LogLevel.Debug,
        Message = "YARP reported {ForwarderError}, mapped to {ErrorType}")]
    public static partial void ForwarderErrorMapped(this ILogger logger, ForwarderError forwarderError, UpstreamError errorType);
}
