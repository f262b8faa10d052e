using static CorsLab.Spec.Cases.ContractText;

namespace CorsLab.Spec.Cases;

/// <summary>One case per row of the contract table in DESIGN.md, plus the routing edges around it.</summary>
internal static class ContractCases
{
    public static IReadOnlyList<SpecCase> All { get; } =
    [
        new("contract-preflight",
            "OPTIONS / answers 204 with an empty body and the CORS headers",
            new SpecRequest { Method = "OPTIONS" },
            [new ExpectStatus(204), new ExpectBodyLength(0), .. AlwaysCors]),

        new("contract-preflight-with-url",
            "OPTIONS / with a url is still the preflight: 204, nothing forwarded (the upstream would answer 500)",
            new SpecRequest { Method = "OPTIONS", OriginPath = "/status/500" },
            [new ExpectStatus(204), new ExpectBodyLength(0), .. AlwaysCors]),

        new("contract-proxied-get",
            "GET /?url=… answers the upstream's response with the CORS headers added",
            new SpecRequest { OriginPath = "/bytes/1024" },
            [new ExpectStatus(200), new ExpectPayload(1024), .. AlwaysCors]),

        new("contract-missing-url",
            "GET / without url answers 400 and the original's message",
            new SpecRequest(),
            [new ExpectStatus(400), new ExpectBody(MissingUrl)]),

        new("contract-invalid-url",
            "GET / with a url that is not an absolute http(s) URL answers 400 and the original's message",
            new SpecRequest { RawUrl = "not a url" },
            [new ExpectStatus(400), new ExpectBody(InvalidUrl)]),

        new("contract-upstream-failure",
            "an upstream that refuses the connection gives 502 and Could not complete request: \"<reason>\"",
            new SpecRequest { RawUrl = "{refused}/bytes/16" },
            [new ExpectStatus(502), new ExpectBodyStartsWith(CouldNotCompletePrefix), new ExpectBodyContains("\"")]),

        new("contract-healthcheck",
            "GET /healthcheck answers 200 OK",
            new SpecRequest { RawPath = "/healthcheck" },
            [new ExpectStatus(200), new ExpectBody(HealthOk)]),

        new("contract-not-found",
            "any other path answers 404 Route not found.",
            new SpecRequest { RawPath = "/foo" },
            [new ExpectStatus(404), new ExpectBody(RouteNotFound)]),

        new("contract-not-found-below-healthcheck",
            "a path below /healthcheck is another path: 404",
            new SpecRequest { RawPath = "/healthcheck/x" },
            [new ExpectStatus(404), new ExpectBody(RouteNotFound)]),

        new("contract-not-found-with-url",
            "a url on another path is not forwarded: 404",
            new SpecRequest { RawPath = "/foo?url={url:/bytes/16}" },
            [new ExpectStatus(404), new ExpectBody(RouteNotFound)]),

        new("contract-healthcheck-post-not-found",
            "only GET (and HEAD) reach the health check; POST /healthcheck is another route: 404",
            new SpecRequest { Method = "POST", RawPath = "/healthcheck", Body = SpecBody.Sized(0) },
            [new ExpectStatus(404), new ExpectBody(RouteNotFound)]),
    ];
}
