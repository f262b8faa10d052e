using CorsLab.Results;

namespace CorsLab.Diagnostics.Findings;

/// <summary>
/// <c>expect-continue-delay</c>: uploads that carry <c>Expect: 100-continue</c> take about the client's continue timeout
/// longer through the proxy than direct: the proxy neither answered <c>100 Continue</c> itself nor relayed the
/// upstream's, so the client waited before sending the body. Reads the expect-continue probe's p50s.
/// </summary>
public sealed class ExpectContinueDelayRule : IFindingRule
{
    public const string FindingId = "expect-continue-delay";

    /// <summary>The load client's continue timeout (1 s, as SocketsHttpHandler and curl): the wait a held expectation costs.</summary>
    public const double ContinueTimeoutMicros = 1_000_000;

    /// <summary>Half the continue timeout over direct: no 64 KB upload on loopback takes that long for another reason.</summary>
    public const double WarnAddedMicros = ContinueTimeoutMicros / 2;

    /// <summary>A held expectation costs a second each, so the probe gets few; four agree on a p50 this coarse.</summary>
    public const long MinSamples = 4;

    public string Id => FindingId;

    public IReadOnlyList<string> Scenarios { get; } = [ScenarioNames.ExpectContinue];

    public Finding? Evaluate(TargetEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        if (evidence.First(Scenarios, m => m.Latency.Count >= MinSamples) is not ({ } measured, var direct))
        {
            return null;
        }

        var reference = direct is { Latency.Count: >= MinSamples } ? direct.Latency.P50 : 0;
        var added = measured.Latency.P50 - reference;
        if (added < WarnAddedMicros)
        {
            return null;
        }

        var summary = Evidence.Invariant(
            $"Uploads with 'Expect: 100-continue' took p50 {Evidence.Ms(measured.Latency.P50)} through the proxy against {(direct is null ? "an unmeasured direct" : Evidence.Ms(reference) + " direct")} ({measured.Latency.Count} requests): the client waited its {Evidence.Ms(ContinueTimeoutMicros)} continue timeout because no '100 Continue' came.");
        var facts = new Dictionary<string, string>
        {
            ["scenario"] = measured.Scenario,
            ["samples"] = Evidence.Count(measured.Latency.Count),
            ["latency.p50"] = Evidence.Ms(measured.Latency.P50),
            ["added.p50"] = Evidence.Ms(added),
            ["continueTimeout"] = Evidence.Ms(ContinueTimeoutMicros),
        };
        if (direct is not null)
        {
            facts["direct.latency.p50"] = Evidence.Ms(reference);
        }

        return new Finding(
            FindingId,
            added >= ContinueTimeoutMicros * 0.9 ? FindingSeverity.Critical : FindingSeverity.Warn,
            summary,
            facts,
            "Answer 'Expect: 100-continue' as soon as the request is accepted (Kestrel does when the body is first read; start reading or forwarding it), or relay the upstream's '100 Continue' at once; never wait for the body before either.");
    }
}
