using System.Net;
using System.Net.Sockets;
using CorsLab.Proxies.Core.Contract;
using CorsLab.Proxies.Core.Policy;
using BadHttpRequestException = Microsoft.AspNetCore.Http.BadHttpRequestException;

namespace CorsLab.Proxies.Core.Upstream;

/// <summary>A failed forward: the error kind and the reason the client is told.</summary>
public readonly record struct UpstreamFailure(UpstreamError Error, string Reason)
{
    /// <summary>The status the client gets when the response has not started yet; 0 when nothing is sent.</summary>
    public int StatusCode => Error switch
    {
        UpstreamError.TargetDenied => StatusCodes.Forbidden,
        UpstreamError.UpstreamTimeout => StatusCodes.GatewayTimeout,
        UpstreamError.UpstreamFailed or UpstreamError.UpstreamBodyFailed => StatusCodes.BadGateway,
        UpstreamError.ClientBodyFailed => StatusCodes.BadRequest,
        _ => 0,
    };

    /// <summary>Which side failed, for logs and the failure counter: the client, the upstream, or the proxy's policy.</summary>
    public string Side => Error switch
    {
        UpstreamError.ClientAborted or UpstreamError.ClientBodyFailed => "client",
        UpstreamError.TargetDenied => "policy",
        _ => "upstream",
    };

    public string Body => Error == UpstreamError.TargetDenied
        ? ContractMessages.TargetNotAllowed
        : ContractMessages.CouldNotComplete(Reason);

    public static UpstreamFailure ClientAborted { get; } = new(UpstreamError.ClientAborted, "client aborted");

    /// <summary>
    /// Classifies an exception from an upstream call. <paramref name="clientAborted"/> and
    /// <paramref name="timedOut"/> say which of the caller's tokens fired, since both surface as cancellation.
    /// </summary>
    public static UpstreamFailure From(Exception exception, bool clientAborted, bool timedOut)
    {
        if (clientAborted)
        {
            return ClientAborted;
        }

        if (timedOut)
        {
            return new(UpstreamError.UpstreamTimeout, "upstream timed out");
        }

        for (var inner = exception; inner is not null; inner = inner.InnerException)
        {
            switch (inner)
            {
                case BadHttpRequestException badBody:
                    // Kestrel refused the client's body framing (a bad chunk size) while it was being sent upstream:
                    // the client's fault, 400 as on the other engines, not an upstream failure.
                    return new(UpstreamError.ClientBodyFailed, badBody.Message);
                case TargetDeniedException denied:
                    return new(UpstreamError.TargetDenied, denied.Message);
                case TimeoutException:
                    return new(UpstreamError.UpstreamTimeout, "upstream timed out");
                case SocketException { SocketErrorCode: SocketError.TimedOut }:
                    return new(UpstreamError.UpstreamTimeout, "connect timed out");
                case OperationCanceledException when inner.InnerException is TimeoutException:
                    return new(UpstreamError.UpstreamTimeout, "connect timed out");
            }
        }

        return new(UpstreamError.UpstreamFailed, exception.Message);
    }

    private static class StatusCodes
    {
        public const int BadRequest = (int)HttpStatusCode.BadRequest;
        public const int Forbidden = (int)HttpStatusCode.Forbidden;
        public const int BadGateway = (int)HttpStatusCode.BadGateway;
        public const int GatewayTimeout = (int)HttpStatusCode.GatewayTimeout;
    }
}
