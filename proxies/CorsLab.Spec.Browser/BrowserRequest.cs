namespace CorsLab.Spec.Browser;

/// <summary>
/// What the page does: a <c>fetch</c> (or an <c>EventSource</c>) to the proxy, from the page's own origin. Where it
/// goes, first match wins: <see cref="OriginPath"/> (an origin endpoint, through the proxy), <see cref="RawUrl"/> (a
/// literal <c>url</c> value), or <see cref="DeniedTarget"/> (the environment's denied URL; skipped without one).
/// </summary>
public sealed record BrowserRequest
{
    public BrowserApi Api { get; init; } = BrowserApi.Fetch;

    public string Method { get; init; } = "GET";

    public string? OriginPath { get; init; }

    public string? RawUrl { get; init; }

    public bool DeniedTarget { get; init; }

    /// <summary>Request headers the script sets; a name beyond the CORS-safelisted ones makes the browser preflight.</summary>
    public IReadOnlyList<SpecHeader> Headers { get; init; } = [];

    public string? Body { get; init; }

    /// <summary><c>credentials: 'include'</c>: the browser then also demands an exact origin and <c>Allow-Credentials: true</c>.</summary>
    public bool IncludeCredentials { get; init; }

    /// <summary>A cookie the page sets on its own site before the request (<c>name=value</c>), to see credentials travel.</summary>
    public string? Cookie { get; init; }

    /// <summary>For <see cref="BrowserApi.EventSource"/>: the page stops listening after this many events.</summary>
    public int Events { get; init; }
}

public enum BrowserApi
{
    /// <summary><c>fetch</c>, the body read through <c>response.body.getReader()</c> with the arrival time of every chunk.</summary>
    Fetch,

    /// <summary><c>new EventSource(url)</c>, collecting <c>message</c> events.</summary>
    EventSource,
}
