using CorsLab.Results;

namespace CorsLab.Diagnostics.Findings;

/// <summary>
/// <c>request-buffering</c>: the origin sees the first request-body byte only after the client sent its last.
/// Reads the three-point join of an upload: <see cref="ThreePointSummary.RequestFirstByteAfterClientLast"/> is the
/// fraction of uploads (whose client body took ≥ 1 ms to send) where that happened. A streaming proxy forwards
/// the first piece while the client is still writing; only uploads larger than the socket buffers on the way
/// make the client wait, so the scenario's body must be large (or dripped) for the rule to see anything — which
/// is why the rule also needs direct to show streaming before it blames the target.
/// </summary>
public sealed class RequestBufferingRule : IFindingRule
{
    public const string FindingId = "request-buffering";

    /// <summary>Fewer eligible uploads than this and a fraction is noise.</summary>
    public const long MinEligible = 10;

    /// <summary>Half the uploads reached the origin only after the client finished, beyond what direct shows.</summary>
    public const double WarnExcess = 0.5;

    /// <summary>Nine in ten: every upload is held.</summary>
    public const double CriticalExcess = 0.9;

    /// <summary>If direct itself shows more than this, the body fit in the socket buffers: the scenario cannot tell
    /// streaming from buffering on this machine, and the rule stays silent rather than guess.</summary>
    public const double MaxDirectFraction = 0.4;

    public string Id => FindingId;

    public bool NeedsOriginTimings => true;

    public IReadOnlyList<string> Scenarios { get; } = [ScenarioNames.Upload];

    public Finding? Evaluate(TargetEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        if (evidence.First(Scenarios, m => m.ThreePoint is { } t && t.RequestBufferingEligible >= MinEligible) is not ({ } measured, var direct))
        {
            return null;
        }

        var three = measured.ThreePoint!;
        double? directFraction = direct?.ThreePoint is { RequestBufferingEligible: >= MinEligible } d ? d.RequestFirstByteAfterClientLast : null;
        if (directFraction > MaxDirectFraction)
        {
            return null;
        }

        var excess = three.RequestFirstByteAfterClientLast - (directFraction ?? 0);
        if (excess < WarnExcess)
        {
            return null;
        }

        var held = (long)Math.Round(three.RequestFirstByteAfterClientLast * three.RequestBufferingEligible);
        var severity = excess >= CriticalExcess ? FindingSeverity.Critical : FindingSeverity.Warn;
        var gap = three.RequestFirstByteGap;
        var directGap = direct?.ThreePoint?.RequestFirstByteGap;
        var summary = Evidence.Invariant(
            $"On {measured.Scenario}, {Evidence.Percent(three.RequestFirstByteAfterClientLast)} of uploads ({held} of {three.RequestBufferingEligible}) reached the origin only after the client sent its last byte (direct: {(directFraction is { } f ? Evidence.Percent(f) : "not measured")}){(gap is not null ? $"; the origin's first byte came {Evidence.Ms(gap.P50)} after the client's last at p50" : "")}.");
        var facts = new Dictionary<string, string>
        {
            ["scenario"] = measured.Scenario,
            ["requestFirstByteAfterClientLast"] = Evidence.Number(three.RequestFirstByteAfterClientLast),
            ["direct.requestFirstByteAfterClientLast"] = directFraction is { } df ? Evidence.Number(df) : "n/a",
            ["requestBufferingEligible"] = Evidence.Count(three.RequestBufferingEligible),
        };
        if (gap is not null)
        {
            facts["requestFirstByteGap.p50"] = Evidence.Ms(gap.P50);
            facts["requestFirstByteGap.p99"] = Evidence.Ms(gap.P99);
        }

        if (directGap is not null)
        {
            facts["direct.requestFirstByteGap.p50"] = Evidence.Ms(directGap.P50);
        }

        return new Finding(
            FindingId,
            severity,
            summary,
            facts,
            "Stream the request body upstream as it arrives (StreamContent over the request body, not a MemoryStream or ReadToEnd; YARP and Kestrel stream by default; in nginx proxy_request_buffering off; in Node pipe the request into the upstream request).");
    }
}
