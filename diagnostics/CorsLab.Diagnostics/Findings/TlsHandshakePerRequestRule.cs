using CorsLab.Results;

namespace CorsLab.Diagnostics.Findings;

/// <summary>
/// <c>tls-handshake-per-request</c>: the proxy does a TLS handshake upstream for (almost) every request. Reads the
/// capture's <c>System.Net.Security</c> HandshakeStart count on the https origin: a kept connection, or a resumed
/// session that still shows as a handshake, is paid once per connection, never per request on a keep-alive pool.
/// </summary>
public sealed class TlsHandshakePerRequestRule : IFindingRule
{
    public const string FindingId = "tls-handshake-per-request";

    /// <summary>Fewer requests than this and one handshake more or less moves the ratio by 5 %.</summary>
    public const long MinRequests = 20;

    /// <summary>A handshake for every other request: connections are not kept (a pool needs one per request in flight).</summary>
    public const double WarnPerRequest = 0.5;

    public const double CriticalPerRequest = 0.9;

    public string Id => FindingId;

    public bool NeedsCapture => true;

    public IReadOnlyList<string> Scenarios { get; } = [ScenarioNames.HttpsUpstream];

    public Finding? Evaluate(TargetEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        if (CaptureEvidence.First(evidence, Scenarios, minRequests: MinRequests) is not ({ } measured, { } capture))
        {
            return null;
        }

        var perRequest = capture.PerRequest(capture.TlsHandshakes);
        if (perRequest < WarnPerRequest)
        {
            return null;
        }

        var facts = CaptureEvidence.Facts(measured, capture);
        facts["tlsHandshakes"] = Evidence.Count(capture.TlsHandshakes);
        facts["tlsHandshakesPerRequest"] = Evidence.Number(perRequest);
        return new Finding(
            FindingId,
            perRequest >= CriticalPerRequest ? FindingSeverity.Critical : FindingSeverity.Warn,
            Evidence.Invariant($"On {measured.Scenario}, the proxy's process started {capture.TlsHandshakes} TLS handshakes for {capture.Requests} requests ({Evidence.Number(perRequest)} per request): each costs round trips and public-key CPU."),
            facts,
            "Keep upstream TLS connections alive and pooled (one long-lived SocketsHttpHandler; no 'Connection: close' upstream); where connections must be new, allow TLS session resumption.");
    }
}
