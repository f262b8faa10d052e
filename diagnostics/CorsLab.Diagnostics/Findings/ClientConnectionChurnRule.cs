using CorsLab.Results;

namespace CorsLab.Diagnostics.Findings;

/// <summary>
/// <c>client-connection-churn</c>: the proxy closes its client's connection after (almost) every response although
/// the client asked for keep-alive, typically by relaying the upstream's hop-by-hop <c>Connection: close</c>. Reads the
/// client connections per joined request; the upstream-close probe provokes it (the origin closes its own connection
/// after each answer, which a proxy must keep to itself). The client never sends <c>Connection: close</c> in these
/// scenarios, so every extra client connection is the proxy's doing.
/// </summary>
public sealed class ClientConnectionChurnRule : IFindingRule
{
    public const string FindingId = "client-connection-churn";

    /// <summary>Fewer joined requests than this and per-request ratios are noise.</summary>
    public const long MinJoined = 20;

    /// <summary>Every other request on a new client connection: a keep-alive client with a few connections needs a tiny fraction.</summary>
    public const double WarnClientConnectionsPerRequest = 0.5;

    /// <summary>Nine in ten: every response ends its connection.</summary>
    public const double CriticalClientConnectionsPerRequest = 0.9;

    public string Id => FindingId;

    public bool NeedsOriginTimings => true;

    public IReadOnlyList<string> Scenarios { get; } = [ScenarioNames.UpstreamClose, ScenarioNames.Reuse, ScenarioNames.SmallGet];

    public Finding? Evaluate(TargetEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        foreach (var scenario in Scenarios)
        {
            if (evidence.Measured(scenario) is not { ThreePoint: { Joined: >= MinJoined } three } measured)
            {
                continue;
            }

            var perRequest = (double)three.ClientConnections / three.Joined;
            if (perRequest < WarnClientConnectionsPerRequest)
            {
                continue;
            }

            var direct = evidence.Direct(scenario)?.ThreePoint;
            var severity = perRequest >= CriticalClientConnectionsPerRequest ? FindingSeverity.Critical : FindingSeverity.Warn;
            var upstreamClosed = scenario == ScenarioNames.UpstreamClose ? " when the upstream answered 'Connection: close'" : "";
            var summary = Evidence.Invariant(
                $"On {scenario}, {three.Joined} keep-alive requests came over {three.ClientConnections} client connections ({Evidence.Number(perRequest)} per request{(direct is null ? "" : $"; direct {Evidence.Number((double)direct.ClientConnections / Math.Max(1, direct.Joined))}")}): the proxy closed its client's connection{upstreamClosed}, so the client reconnects (handshake, slow start) for every request.");
            var facts = new Dictionary<string, string>
            {
                ["scenario"] = scenario,
                ["joined"] = Evidence.Count(three.Joined),
                ["clientConnections"] = Evidence.Count(three.ClientConnections),
                ["clientConnectionsPerRequest"] = Evidence.Number(perRequest),
            };
            return new Finding(
                FindingId,
                severity,
                summary,
                facts,
                "Treat Connection (and the headers it names, Keep-Alive, Proxy-Connection) as hop-by-hop: drop the upstream's 'Connection: close' instead of copying it to the client response, and keep the client connection open (RFC 9110 §7.6.1).");
        }

        return null;
    }
}
