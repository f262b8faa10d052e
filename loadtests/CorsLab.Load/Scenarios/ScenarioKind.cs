namespace CorsLab.Load.Scenarios;

/// <summary>How a scenario's requests are built for a target.</summary>
public enum ScenarioKind
{
    /// <summary>The request goes to the origin path, through the proxy (or directly, for <c>direct</c>).</summary>
    Proxied,

    /// <summary>A CORS preflight (<c>OPTIONS</c>) the proxy answers itself; direct sends OPTIONS to the origin's <c>/headers</c>.</summary>
    Preflight,

    /// <summary>Failing upstreams (a refused port and <c>/reset-after</c>) rotated; the proxy must answer 502 and stay healthy.</summary>
    Errors,
}
