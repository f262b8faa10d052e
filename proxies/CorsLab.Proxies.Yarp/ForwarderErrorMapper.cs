using CorsLab.Proxies.Core.Upstream;
using CorsLab.Proxies.Yarp.Logging;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Forwarder;

namespace CorsLab.Proxies.Yarp;

/// <summary>
/// Maps YARP's <see cref="ForwarderError"/> (which side failed, and when) to the contract's <see cref="UpstreamFailure"/>,
/// in one place. YARP has already set a status (and cleared the headers if the response had not started);
/// ContractFrontEnd overwrites both, or aborts when the response is under way, and counts and logs the result;
/// the YARP error behind it is logged here, the one place it is known.
/// </summary>
internal static class ForwarderErrorMapper
{
    private static readonly UpstreamFailure ClientAborted = new(UpstreamError.ClientAborted, "client aborted");

    private static readonly UpstreamFailure HeadTimeout = new(UpstreamError.UpstreamTimeout, "upstream timed out");

    /// <param name="headDeadlinePassed">The <see cref="ResponseHeadDeadline"/> cancelled the exchange before the head arrived.</param>
    public static UpstreamFailure Map(HttpContext context, ForwarderError error, bool headDeadlinePassed, ILogger logger)
    {
        var failure = headDeadlinePassed && !context.RequestAborted.IsCancellationRequested ? HeadTimeout : Classify(context, error);
        logger.ForwarderErrorMapped(error, failure.Error);
        return failure;
    }

    private static UpstreamFailure Classify(HttpContext context, ForwarderError error)
    {
        var exception = context.GetForwarderErrorFeature()?.Exception;
        var clientGone = context.RequestAborted.IsCancellationRequested;
        return error switch
        {
            // The only token of ours linked into SendAsync is the head deadline, handled above: any other cancel is the client leaving.
            ForwarderError.RequestCanceled
                or ForwarderError.RequestBodyCanceled
                or ForwarderError.ResponseBodyClient
                or ForwarderError.UpgradeRequestCanceled
                or ForwarderError.UpgradeRequestClient
                or ForwarderError.UpgradeResponseClient => ClientAborted,

            // The activity timer cancels the copy too: without the client gone, it was the body-idle timeout.
            ForwarderError.ResponseBodyCanceled or ForwarderError.UpgradeResponseCanceled => clientGone
                ? ClientAborted
                : new(UpstreamError.UpstreamTimeout, "upstream body idle timeout"),

            // Connect timeout (SocketsHttpHandler.ConnectTimeout) or no head within the activity timeout.
            ForwarderError.RequestTimedOut or ForwarderError.UpgradeActivityTimeout => Timeout(exception),

            ForwarderError.RequestBodyClient => clientGone
                ? ClientAborted
                : new(UpstreamError.ClientBodyFailed, exception?.Message ?? "reading the request body failed"),

            ForwarderError.ResponseBodyDestination =>
                new(UpstreamError.UpstreamBodyFailed, exception?.Message ?? "upstream response body failed"),

            // Request, RequestCreation, RequestBodyDestination, ResponseHeaders, the upgrade destinations: the upstream
            // failed; a TargetDeniedException from the connect callback inside makes it a 403.
            _ => exception is null
                ? new(UpstreamError.UpstreamFailed, error.ToString())
                : UpstreamFailure.From(exception, clientGone, timedOut: false),
        };
    }

    private static UpstreamFailure Timeout(Exception? exception)
    {
        if (exception is not null && UpstreamFailure.From(exception, clientAborted: false, timedOut: false) is { Error: UpstreamError.UpstreamTimeout } precise)
        {
            return precise;
        }

        return HeadTimeout;
    }
}
