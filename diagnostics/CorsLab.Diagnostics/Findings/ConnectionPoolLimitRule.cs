using CorsLab.Results;

namespace CorsLab.Diagnostics.Findings;

/// <summary>
/// <c>connection-pool-limit</c>: requests queue inside the proxy for an upstream connection. The pool probe keeps 16
/// requests in flight against an origin endpoint that takes a fixed time; a proxy capped at N upstream connections
/// passes only N at a time, so the rest reach the origin late (the three-point join's inbound delay: client send →
/// origin head in) while the origin's own time stays the same. By Little's law the upstream carried about
/// in-flight × origin time / latency requests at once: the knee, reported as the cap.
/// </summary>
public sealed class ConnectionPoolLimitRule : IFindingRule
{
    public const string FindingId = "connection-pool-limit";

    /// <summary>Fewer joined requests than this and percentiles are noise.</summary>
    public const long MinJoined = 40;

    /// <summary>Requests waited this long (p50, over direct) before reaching the origin: far beyond a loopback hop and a busy proxy's parse.</summary>
    public const double WarnInboundMicros = 20_000;

    /// <summary>…and at least this share of the origin's own time, so a slow proxy on a fast endpoint is not read as a queue.</summary>
    public const double WarnInboundShareOfOrigin = 0.25;

    public string Id => FindingId;

    public bool NeedsOriginTimings => true;

    public IReadOnlyList<string> Scenarios { get; } = [ScenarioNames.PoolProbe];

    public Finding? Evaluate(TargetEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        if (evidence.First(Scenarios, m => m.ThreePoint is { Joined: >= MinJoined }) is not ({ } measured, var direct))
        {
            return null;
        }

        var three = measured.ThreePoint!;
        var waited = three.InboundDelay.P50 - (direct?.ThreePoint?.InboundDelay.P50 ?? 0);
        if (waited < WarnInboundMicros || waited < WarnInboundShareOfOrigin * three.OriginTime.P50)
        {
            return null;
        }

        var inFlight = measured.Model.Concurrency ?? 0;
        var carried = measured.Latency.P50 > 0 ? inFlight * three.OriginTime.P50 / measured.Latency.P50 : 0;
        var summary = Evidence.Invariant(
            $"On {measured.Scenario}, with {inFlight} requests in flight each waited p50 {Evidence.Ms(three.InboundDelay.P50)} before reaching the origin (direct {(direct?.ThreePoint is { } d ? Evidence.Ms(d.InboundDelay.P50) : "not measured")}) while the origin took {Evidence.Ms(three.OriginTime.P50)}: the proxy passed only about {Evidence.Number(Math.Round(carried))} at a time upstream and queued the rest.");
        var facts = new Dictionary<string, string>
        {
            ["scenario"] = measured.Scenario,
            ["inFlight"] = Evidence.Count(inFlight),
            ["inboundDelay.p50"] = Evidence.Ms(three.InboundDelay.P50),
            ["originTime.p50"] = Evidence.Ms(three.OriginTime.P50),
            ["latency.p50"] = Evidence.Ms(measured.Latency.P50),
            ["estimatedUpstreamConcurrency"] = Evidence.Number(Math.Round(carried, 1)),
            ["joined"] = Evidence.Count(three.Joined),
        };
        return new Finding(
            FindingId,
            waited >= three.OriginTime.P50 ? FindingSeverity.Critical : FindingSeverity.Warn,
            summary,
            facts,
            "Raise the upstream connection cap (SocketsHttpHandler.MaxConnectionsPerServer, nginx 'keepalive'/'max_conns' in the upstream block, Node http.Agent maxSockets) to the concurrency the upstream is expected to serve, or queue with a bound and answer 503 instead of holding clients.");
    }
}
