using static CorsLab.Spec.Cases.ContractText;

namespace CorsLab.Spec.Cases;

/// <summary>
/// What the upstream does, passed on or mapped: its statuses and redirects pass through; refusal is 502,
/// a slow head 504, a reset mid-body an aborted response. Also the https origin, trusted through the
/// engine's <c>--upstream-ca</c>.
/// </summary>
internal static class UpstreamFailureCases
{
    public static IReadOnlyList<SpecCase> All { get; } =
    [
        new("upstream-refused",
            "an upstream port nobody listens on gives 502 with the reason in quotes",
            new SpecRequest { RawUrl = "{refused}/headers" },
            [new ExpectStatus(502), new ExpectBodyStartsWith(CouldNotCompletePrefix)]),

        new("upstream-refused-https",
            "an https upstream port nobody listens on gives 502 too",
            new SpecRequest { RawUrl = "https://{refused-authority}/headers" },
            [new ExpectStatus(502), new ExpectBodyStartsWith(CouldNotCompletePrefix)]),

        new("upstream-name-too-long",
            "a host name longer than DNS allows (255 characters) is a failed lookup: 502 with the reason, not a dropped connection",
            new SpecRequest { RawUrl = "http://" + string.Join('.', Enumerable.Repeat(new string('a', 60), 5)) + ".invalid/" },
            [new ExpectStatus(502), new ExpectBodyStartsWith(CouldNotCompletePrefix)]),

        new("upstream-reset-mid-body",
            "an upstream that resets after 1 MB of a longer body leaves the client an aborted response, not a clean short one",
            new SpecRequest { OriginPath = "/reset-after/1048576" },
            [new ExpectAborted(AbortBound)]),

        new("upstream-slow-head",
            "an upstream that sends no head within the engine's upstream timeout gives 504",
            new SpecRequest { OriginPath = "/slow-head/{slow-head-ms}" },
            [new ExpectStatus(504), new ExpectBodyStartsWith(CouldNotCompletePrefix)]),

        new("upstream-delay-within-timeout",
            "an upstream slower than usual but within the timeout is answered normally",
            new SpecRequest { OriginPath = "/delay/300" },
            [new ExpectStatus(200), new ExpectBody("delayed 300")]),

        new("upstream-status-500-passed",
            "an upstream 500 is passed through as 500 with its body, not turned into 502",
            new SpecRequest { OriginPath = "/status/500" },
            [new ExpectStatus(500), new ExpectBody("status 500")]),

        new("upstream-status-404-passed",
            "an upstream 404 is passed through with its body, not confused with the proxy's own 404",
            new SpecRequest { OriginPath = "/status/404" },
            [new ExpectStatus(404), new ExpectBody("status 404")]),

        new("upstream-redirect-passed",
            "an upstream 302 is passed to the client with its Location, not followed",
            new SpecRequest { OriginPath = "/redirect/2" },
            [new ExpectStatus(302), new ExpectHeaderEquals("Location", "/redirect/1"), new ExpectBodyLength(0), .. AlwaysCors]),

        new("upstream-redirect-with-origin",
            "a passed-through redirect carries the CORS echo like any proxied response",
            new SpecRequest { OriginPath = "/redirect/1", Headers = [OriginHeader] },
            [new ExpectStatus(302), new ExpectHeaderEquals("Location", "/redirect/0"), .. OriginEchoed]),

        new("upstream-https",
            "the https origin is reached through the engine, trusting the origin's certificate",
            new SpecRequest { OriginPath = "/bytes/1024", Https = true },
            [new ExpectStatus(200), new ExpectPayload(1024), .. AlwaysCors]),

        new("upstream-https-host",
            "through https, Host is the https target's host:port",
            new SpecRequest { OriginPath = "/headers", Https = true },
            [new ExpectStatus(200), new ExpectUpstreamHeaderEquals("_host", "{origin-https-authority}")]),

        new("upstream-https-request-body",
            "a 1 MB request body crosses to the https origin and back intact",
            new SpecRequest { Method = "POST", OriginPath = "/echo", Https = true, Body = SpecBody.Sized(1024 * 1024) },
            [new ExpectStatus(200), new ExpectPayload(1024 * 1024)]),
    ];
}
