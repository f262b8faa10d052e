namespace CorsLab.Results;

/// <summary>
/// The scenario names a run records (<see cref="ScenarioMeasurement.Scenario"/>): defined here, once, because the
/// load engine's catalog writes them and the finding rules look them up.
/// </summary>
public static class ScenarioNames
{
    /// <summary>1 KB GETs at a constant rate: the latency floor and proxy overhead.</summary>
    public const string SmallGet = "small-get";

    /// <summary>Sequential small GETs on one client connection: a pooling proxy needs one upstream connection.</summary>
    public const string Reuse = "reuse";

    public const string MediumGet = "medium-get";

    public const string LargeDownload = "large-download";

    /// <summary>A request body (origin <c>/sink</c>): request buffering shows as the origin waiting for the client's last byte.</summary>
    public const string Upload = "upload";

    /// <summary>A response written in timed pieces (origin <c>/drip</c>): buffering shows as waiting for the last piece.</summary>
    public const string Drip = "drip";

    public const string SlowUpstream = "slow-upstream";

    public const string Preflight = "preflight";

    /// <summary>Server-sent events: a long response of small timed pieces.</summary>
    public const string Sse = "sse";

    public const string ConnectionClose = "connection-close";

    public const string HttpsUpstream = "https-upstream";

    /// <summary>Refused and reset upstreams: the errors are the scenario's, not the engine's.</summary>
    public const string Errors = "errors";
}
