using CorsLab.Proxies.Core.Upstream;

namespace CorsLab.Proxies.Pipelines.Forwarding;

/// <summary>What one forward left behind for the client connection to finish.</summary>
/// <param name="Failure">null on success; otherwise mapped by <see cref="FailureResponse"/>.</param>
/// <param name="ResponseStarted">The client has bytes of the response: a failure now means abort, not a status.</param>
/// <param name="ClientReusable">The request body was consumed and both sides agreed to keep the connection.</param>
/// <param name="StatusCode">The upstream's status, sent to the client in full; 0 on failure.</param>
internal readonly record struct ForwardOutcome(UpstreamFailure? Failure, bool ResponseStarted, bool ClientReusable, int StatusCode = 0)
{
    public static ForwardOutcome Failed(UpstreamFailure failure) => new(failure, false, false);

    public static ForwardOutcome Failed(UpstreamError error, string reason) => new(new UpstreamFailure(error, reason), false, false);
}
