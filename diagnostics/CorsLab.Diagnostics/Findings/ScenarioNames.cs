namespace CorsLab.Diagnostics.Findings;

/// <summary>The scenario names the rules look for: the load engine's catalog names, plus the diagnosis probes.</summary>
public static class ScenarioNames
{
    /// <summary>A response written in timed pieces (origin <c>/drip</c>): buffering shows as waiting for the last piece.</summary>
    public const string Drip = "drip";

    /// <summary>A request body (origin <c>/sink</c>): request buffering shows as the origin waiting for the client's last byte.</summary>
    public const string Upload = "upload";

    /// <summary>A dripped upload, when the load engine offers one: the cleanest request-buffering evidence.</summary>
    public const string DripUpload = "drip-upload";

    /// <summary>Small GETs on keep-alive connections: latency steps and proxy overhead.</summary>
    public const string SmallGet = "small-get";

    /// <summary>Sequential small GETs on one client connection: a pooling proxy needs one upstream connection.</summary>
    public const string Reuse = "reuse";
}
