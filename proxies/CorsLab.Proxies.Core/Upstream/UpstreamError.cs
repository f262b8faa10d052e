namespace CorsLab.Proxies.Core.Upstream;

/// <summary>Why forwarding failed: a value, mapped to a response in one place (<see cref="UpstreamFailure"/>).</summary>
public enum UpstreamError
{
    None,

    /// <summary>The target policy refused every address of the target.</summary>
    TargetDenied,

    /// <summary>Could not connect, or the upstream reset or answered garbage before its head.</summary>
    UpstreamFailed,

    /// <summary>Connect, response-head or body-idle timeout.</summary>
    UpstreamTimeout,

    /// <summary>The upstream failed after the response had started; the client's response is aborted.</summary>
    UpstreamBodyFailed,

    /// <summary>The client went away; nothing is sent.</summary>
    ClientAborted,

    /// <summary>Reading the client's request body failed.</summary>
    ClientBodyFailed,
}
