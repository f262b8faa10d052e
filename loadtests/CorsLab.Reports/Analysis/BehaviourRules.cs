using CorsLab.Load.Results;

namespace CorsLab.Reports.Analysis;

/// <summary>
/// Names misbehaviours from the three-point join, the error counts and the per-second series.
/// <para>
/// Buffering: when the join counted the requests that can show it (<see cref="ThreePointSummary.BufferingEligible"/>:
/// bodies that took at least 1 ms to write), the fraction is of those and is judged on its own. Otherwise (older runs)
/// it is judged against a reference measured in the same scenario (the direct target, else the best other target),
/// because with a body sent in one write the client's first byte always follows the origin's last, proxy or not;
/// when the reference shows the same, nothing is named.
/// </para>
/// <para>
/// Churn: origin connections per request near 1 while the client used far fewer (it keeps connections alive), so the
/// extra connections are the proxy's; without client counts, against the reference as above.
/// </para>
/// </summary>
internal static class BehaviourRules
{
    /// <summary>"Near 1": at least 9 requests in 10.</summary>
    private const double NearOne = 0.9;

    /// <summary>The reference must show the behaviour for at most half its requests for the contrast to mean something.</summary>
    private const double ReferenceCeiling = 0.5;

    /// <summary>Fewer eligible requests than this say too little to name buffering on their own.</summary>
    private const long MinimumEligible = 10;

    /// <summary>A second stalls when its p99 is this many times the phase's usual per-second p99 …</summary>
    private const double StallFactor = 10;

    /// <summary>… and at least this much above it (µs): a 100 ms hole, not a 2 ms GC pause on a 200 µs baseline.</summary>
    private const double StallFloorMicros = 100_000;

    /// <summary>Nagle with delayed ACK holds a small write for ~40 ms; a median past 35 ms with a fast direct path is its signature.</summary>
    private const double NagleMedianMicros = 35_000;

    private const double NagleDirectP99Micros = 20_000;

    public static IReadOnlyList<Behaviour> Evaluate(
        TargetStats stats,
        IReadOnlyList<ScenarioMeasurement> repeats,
        TargetStats? direct,
        IReadOnlyList<TargetStats> others)
    {
        var scenario = repeats[0].Scenario;
        var found = new List<Behaviour>();
        var references = direct is not null ? [direct] : others;
        var source = direct is not null ? ReferenceSource.Direct : ReferenceSource.OtherTarget;

        if (stats.ThreePoint is { } three)
        {
            if (three.BufferingEligible >= MinimumEligible)
            {
                Threshold(BehaviourKind.BuffersResponses, three.FirstByteAfterOriginLast);
            }
            else
            {
                Contrast(BehaviourKind.BuffersResponses, three.FirstByteAfterOriginLast, tp => tp.FirstByteAfterOriginLast);
            }

            if (three.RequestBufferingEligible >= MinimumEligible)
            {
                Threshold(BehaviourKind.BuffersRequests, three.RequestFirstByteAfterClientLast);
            }
            else if (three.RequestFirstByteGap is not null)
            {
                Contrast(BehaviourKind.BuffersRequests, three.RequestFirstByteAfterClientLast, tp => tp.RequestFirstByteGap is null ? null : tp.RequestFirstByteAfterClientLast);
            }

            if (three.Joined > 0 && three.ClientConnections > 0)
            {
                var clientPerRequest = (double)three.ClientConnections / three.Joined;
                if (three.OriginConnectionsPerRequest >= NearOne && clientPerRequest <= ReferenceCeiling)
                {
                    found.Add(new Behaviour(stats.Target, scenario, BehaviourKind.ConnectionChurn, three.OriginConnectionsPerRequest, clientPerRequest, ReferenceSource.Client, [], Empty));
                }
            }
            else
            {
                Contrast(BehaviourKind.ConnectionChurn, three.OriginConnectionsPerRequest, tp => tp.OriginConnectionsPerRequest);
            }
        }

        var stalled = repeats.SelectMany(StalledSeconds).Distinct().Order().ToList();
        if (stalled.Count > 0)
        {
            found.Add(new Behaviour(stats.Target, scenario, BehaviourKind.Stalls, stalled.Count, null, ReferenceSource.None, stalled, Empty));
        }

        // Errors the origin itself produces (the errors scenario's refused and reset upstreams) are the scenario,
        // not the engine: only an error rate above direct's is the engine's.
        if (stats.Errors > 0 && (direct is null || stats.ErrorRate > direct.ErrorRate))
        {
            found.Add(new Behaviour(stats.Target, scenario, BehaviourKind.Errors, stats.Errors, direct?.Errors, direct is null ? ReferenceSource.None : ReferenceSource.Direct, [], stats.ErrorsByKind));
        }

        if (direct is not null && !stats.IsDirect && stats.P50.Median >= NagleMedianMicros && direct.P99.Count > 0 && direct.P99.Median < NagleDirectP99Micros)
        {
            found.Add(new Behaviour(stats.Target, scenario, BehaviourKind.NagleSignature, stats.P50.Median, direct.P99.Median, ReferenceSource.Direct, [], Empty));
        }

        return found;

        void Threshold(BehaviourKind kind, double value)
        {
            if (value >= NearOne)
            {
                found.Add(new Behaviour(stats.Target, scenario, kind, value, null, ReferenceSource.None, [], Empty));
            }
        }

        void Contrast(BehaviourKind kind, double value, Func<ThreePointSummary, double?> pick)
        {
            if (value < NearOne)
            {
                return;
            }

            var reference = references
                .Select(other => other.ThreePoint is { } tp ? pick(tp) : null)
                .OfType<double>()
                .DefaultIfEmpty(double.NaN)
                .Min();
            if (double.IsNaN(reference) || reference <= ReferenceCeiling)
            {
                found.Add(new Behaviour(stats.Target, scenario, kind, value, double.IsNaN(reference) ? null : reference, double.IsNaN(reference) ? ReferenceSource.None : source, [], Empty));
            }
        }
    }

    /// <summary>Whole seconds inside the phase (not the first, not the last, which are partial) that completed nothing or spiked.</summary>
    private static IEnumerable<int> StalledSeconds(ScenarioMeasurement repeat)
    {
        var inside = repeat.Series.OrderBy(point => point.Second).Skip(1).SkipLast(1).ToList();
        var usual = Spread.Of(inside.Where(point => point.Requests > 0).Select(point => point.P99)).Median;
        return inside
            .Where(point => point.Requests == 0 || (point.P99 >= StallFactor * usual && point.P99 - usual >= StallFloorMicros))
            .Select(point => point.Second);
    }

    private static readonly IReadOnlyDictionary<string, long> Empty = new Dictionary<string, long>();
}
