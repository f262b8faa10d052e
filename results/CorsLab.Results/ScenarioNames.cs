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

    /// <summary>64 KB GETs, 16 in flight, the origin by name: the white-box rules' scenario (a capture divides its events by its requests).</summary>
    public const string NamedGet = "named-get";

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

    /// <summary>Probe: sequential small GETs whose response head and body leave the origin in separate writes (Nagle bites a proxy that writes the head on arrival).</summary>
    public const string SplitWrite = "split-write";

    /// <summary>Probe: sequential responses dripped in small pieces faster than the delayed-ACK timer.</summary>
    public const string FineDrip = "fine-drip";

    /// <summary>Probe: split writes with Nagle on at the origin: a stall there is the upstream's own.</summary>
    public const string UpstreamNagle = "upstream-nagle";

    /// <summary>Probe: the origin answers <c>Connection: close</c> to a keep-alive client's requests.</summary>
    public const string UpstreamClose = "upstream-close";

    /// <summary>Probe: uploads sent with <c>Expect: 100-continue</c>.</summary>
    public const string ExpectContinue = "expect-continue";

    /// <summary>Probe: many requests in flight against a slow origin endpoint: an upstream connection cap queues them.</summary>
    public const string PoolProbe = "pool-probe";

    /// <summary>Probe: requests spaced wider than the origin's keep-alive idle timeout, so every pooled upstream connection has been closed when it is next wanted.</summary>
    public const string StaleProbe = "stale-probe";

    /// <summary>Probe (slow): one request to an upstream that stays silent longer than the client waits.</summary>
    public const string SilentUpstream = "silent-upstream";

    /// <summary>Probe: the drip answered as HTTP/1.0, its body ended only by the origin's close.</summary>
    public const string Http10Drip = "http10-drip";
}
