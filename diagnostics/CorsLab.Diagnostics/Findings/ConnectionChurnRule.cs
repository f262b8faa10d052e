using CorsLab.Results;

namespace CorsLab.Diagnostics.Findings;

/// <summary>
/// <c>connection-churn</c>: the proxy opens an upstream connection per request while the client keeps its own
/// open. Reads the three-point join's connection counts: distinct origin connections per joined request, against
/// the client's connections per request (a client that itself closes every connection cannot blame the proxy).
/// When the https origin was measured too, the finding states what the churn costs each request there: its p50 over
/// direct's, who keeps one TLS connection, is the handshake a new connection pays. When the target's process was
/// captured, the finding is corroborated from inside: its own socket connects per request.
/// </summary>
public sealed class ConnectionChurnRule : IFindingRule
{
    public const string FindingId = "connection-churn";

    /// <summary>Fewer joined requests than this and per-request ratios are noise.</summary>
    public const long MinJoined = 20;

    /// <summary>The client reused each connection for ten requests or more: it did its part.</summary>
    public const double MaxClientConnectionsPerRequest = 0.1;

    /// <summary>Every other request on a fresh upstream connection: a pool that works needs about as many
    /// connections as requests in flight, a tiny fraction of the requests here.</summary>
    public const double WarnOriginConnectionsPerRequest = 0.5;

    /// <summary>Nine in ten on a fresh connection: no pooling at all.</summary>
    public const double CriticalOriginConnectionsPerRequest = 0.9;

    public string Id => FindingId;

    public bool NeedsOriginTimings => true;

    public IReadOnlyList<string> Scenarios { get; } = [ScenarioNames.Reuse, ScenarioNames.SmallGet, ScenarioNames.Drip, ScenarioNames.Upload, ScenarioNames.HttpsUpstream];

    public Finding? Evaluate(TargetEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        if (evidence.First(Scenarios, m => m.ThreePoint is { } t && t.Joined >= MinJoined) is not ({ } measured, var direct))
        {
            return null;
        }

        var three = measured.ThreePoint!;
        var clientPerRequest = (double)three.ClientConnections / three.Joined;
        if (clientPerRequest > MaxClientConnectionsPerRequest || three.OriginConnectionsPerRequest < WarnOriginConnectionsPerRequest)
        {
            return null;
        }

        var severity = three.OriginConnectionsPerRequest >= CriticalOriginConnectionsPerRequest ? FindingSeverity.Critical : FindingSeverity.Warn;
        var directThree = direct?.ThreePoint;
        var summary = Evidence.Invariant(
            $"On {measured.Scenario}, {three.Joined} requests over {three.ClientConnections} client connections reached the origin over {three.OriginConnections} connections ({Evidence.Number(three.OriginConnectionsPerRequest)} per request{(directThree is null ? "" : $"; direct {Evidence.Number(directThree.OriginConnectionsPerRequest)}")}): the proxy opens a new upstream connection for almost every request.");
        var facts = new Dictionary<string, string>
        {
            ["scenario"] = measured.Scenario,
            ["joined"] = Evidence.Count(three.Joined),
            ["originConnections"] = Evidence.Count(three.OriginConnections),
            ["clientConnections"] = Evidence.Count(three.ClientConnections),
            ["originConnectionsPerRequest"] = Evidence.Number(three.OriginConnectionsPerRequest),
            ["clientConnectionsPerRequest"] = Evidence.Number(clientPerRequest),
        };
        if (directThree is not null)
        {
            facts["direct.originConnectionsPerRequest"] = Evidence.Number(directThree.OriginConnectionsPerRequest);
        }

        if (measured.Capture is { Requests: > 0 } capture)
        {
            facts["capture.socketConnectsPerRequest"] = Evidence.Number(capture.PerRequest(capture.SocketConnects));
            facts["capture.httpConnectionsPerRequest"] = Evidence.Number(capture.PerRequest(capture.HttpConnectionsOpened));
            summary += Evidence.Invariant($" Inside the proxy's process: {Evidence.Number(capture.PerRequest(capture.SocketConnects))} socket connects per request.");
        }

        if (HttpsCost(evidence) is var (https, httpsDirect, added))
        {
            facts["https.originConnectionsPerRequest"] = Evidence.Number(https.ThreePoint!.OriginConnectionsPerRequest);
            facts["https.latency.p50"] = Evidence.Ms(https.Latency.P50);
            facts["https.direct.latency.p50"] = Evidence.Ms(httpsDirect.Latency.P50);
            facts["https.added.p50"] = Evidence.Added(added);
            summary += Evidence.Invariant(
                $" On the https origin ({Evidence.Number(https.ThreePoint.OriginConnectionsPerRequest)} new connections per request) each request took p50 {Evidence.Ms(https.Latency.P50)} against {Evidence.Ms(httpsDirect.Latency.P50)} direct on one kept connection: {Evidence.Added(added)} a request, the TLS handshake included.");
        }

        return new Finding(
            FindingId,
            severity,
            summary,
            facts,
            "Reuse upstream connections (on https each new one costs a TLS handshake): one long-lived HttpClient/SocketsHttpHandler (or IHttpForwarder's HttpMessageInvoker) for the process, keep-alive on, no 'Connection: close' upstream; size the pool (MaxConnectionsPerServer, PooledConnectionIdleTimeout; nginx keepalive in the upstream block; Node an http.Agent with keepAlive: true).");
    }

    /// <summary>The https origin's churn and its cost per request over direct, when that scenario was measured with churn.</summary>
    private static (ScenarioMeasurement Https, ScenarioMeasurement Direct, double AddedMicros)? HttpsCost(TargetEvidence evidence)
    {
        if (evidence.Measured(ScenarioNames.HttpsUpstream) is { ThreePoint: { Joined: >= MinJoined } three } https
            && three.OriginConnectionsPerRequest >= WarnOriginConnectionsPerRequest
            && evidence.Direct(ScenarioNames.HttpsUpstream) is { Latency.Count: > 0 } direct)
        {
            return (https, direct, https.Latency.P50 - direct.Latency.P50);
        }

        return null;
    }
}
