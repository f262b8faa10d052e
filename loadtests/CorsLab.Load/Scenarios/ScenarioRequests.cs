using CorsLab.Load.Engine;
using CorsLab.Results;

namespace CorsLab.Load.Scenarios;

/// <summary>Builds a scenario's requests for one target: through its URL template, or straight to the origin for <c>direct</c>.</summary>
public static class ScenarioRequests
{
    /// <summary>The size of the <c>/reset-after</c> body sent before the origin cuts the connection.</summary>
    private const int ResetAfterBytes = 512;

    public static IReadOnlyList<RequestSpec> For(Scenario scenario, TargetInfo target, OriginUrls origin)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(origin);
        var direct = target.Kind == TargetKinds.Direct;
        var upstream = UpstreamOf(scenario, origin);
        var basic = new RequestSpec
        {
            Url = Through(target, upstream),
            Method = scenario.Method,
            BodyLength = scenario.BodyLength,
            Headers = scenario.Headers,
            ConnectionClose = scenario.ConnectionClose,
            ExpectContinue = scenario.ExpectContinue,
        };
        return scenario.Kind switch
        {
            ScenarioKind.Preflight when direct => [basic with { Url = new Uri(origin.Http, "/headers"), Method = "OPTIONS", ExpectedStatuses = [200] }],
            ScenarioKind.Preflight => [basic with { Method = "OPTIONS", ExpectedStatuses = [204] }],

            // Direct to a refused port and a reset are transport errors, by design: the reference shows what the
            // client alone sees. Through a proxy both must become 502.
            ScenarioKind.Errors when direct => [basic with { Url = new Uri(origin.Http, $"/reset-after/{ResetAfterBytes}") }],
            ScenarioKind.Errors =>
            [
                basic with { Url = Through(target, origin.Refused), ExpectedStatuses = [502] },
                basic with { Url = Through(target, new Uri(origin.Http, $"/reset-after/{ResetAfterBytes}")), ExpectedStatuses = [502] },
            ],
            _ => [basic],
        };
    }

    /// <summary>
    /// The upstream URL the scenario's requests ask a target for: the scenario's own, or the origin's path, by the name
    /// <c>localhost</c> when the scenario names its upstream (<see cref="Scenario.UpstreamByName"/>).
    /// </summary>
    public static Uri UpstreamOf(Scenario scenario, OriginUrls origin)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(origin);
        if (scenario.Upstream is { } given)
        {
            return given;
        }

        var upstreamBase = scenario.Https ? origin.Https ?? throw new InvalidOperationException($"{scenario.Name} needs the origin's https listener") : origin.Http;
        var upstream = new Uri(upstreamBase, scenario.Path);
        return scenario.UpstreamByName ? new UriBuilder(upstream) { Host = "localhost" }.Uri : upstream;
    }

    /// <summary>The URL that says whether a target is still healthy: the contract's <c>/healthcheck</c>, the origin's <c>/healthz</c>.</summary>
    public static Uri HealthUrl(TargetInfo target, OriginUrls origin)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(origin);
        if (target.Kind == TargetKinds.Direct)
        {
            return new Uri(origin.Http, "/healthz");
        }

        var sample = new Uri(TargetTemplate.Sample(target.Template));
        return new Uri(sample.GetLeftPart(UriPartial.Authority) + "/healthcheck");
    }

    /// <summary>The URL a target is asked for <paramref name="upstream"/> (<see cref="TargetTemplate"/>).</summary>
    public static Uri Through(TargetInfo target, Uri upstream)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(upstream);
        if (target.Kind == TargetKinds.Direct)
        {
            return upstream;
        }

        return TargetTemplate.Apply(target.Template, upstream);
    }
}
