using static CorsLab.Spec.Cases.ContractText;

namespace CorsLab.Spec.Cases;

/// <summary>Each CORS header, with and without <c>Origin</c>, on proxied responses and the preflight; the upstream's own replaced.</summary>
internal static class CorsCases
{
    private static readonly SpecRequest Proxied = new() { OriginPath = "/bytes/16" };
    private static readonly SpecRequest ProxiedWithOrigin = Proxied with { Headers = [OriginHeader] };

    public static IReadOnlyList<SpecCase> All { get; } =
    [
        new("cors-credentials-without-origin",
            "a proxied response without Origin carries Access-Control-Allow-Credentials: true",
            Proxied,
            [new ExpectStatus(200), new ExpectHeaderEquals(AllowCredentials, "true")]),

        new("cors-credentials-with-origin",
            "a proxied response with Origin carries Access-Control-Allow-Credentials: true",
            ProxiedWithOrigin,
            [new ExpectStatus(200), new ExpectHeaderEquals(AllowCredentials, "true")]),

        new("cors-allow-headers-without-origin",
            "a proxied response without Origin carries Access-Control-Allow-Headers: authorization",
            Proxied,
            [new ExpectStatus(200), new ExpectHeaderEquals(AllowHeaders, "authorization")]),

        new("cors-allow-headers-with-origin",
            "a proxied response with Origin carries Access-Control-Allow-Headers: authorization",
            ProxiedWithOrigin,
            [new ExpectStatus(200), new ExpectHeaderEquals(AllowHeaders, "authorization")]),

        new("cors-allow-methods-without-origin",
            "a proxied response without Origin carries Access-Control-Allow-Methods: GET,HEAD,PUT,PATCH,POST,DELETE",
            Proxied,
            [new ExpectStatus(200), new ExpectHeaderEquals(AllowMethods, AllowMethodsValue)]),

        new("cors-allow-methods-with-origin",
            "a proxied response with Origin carries Access-Control-Allow-Methods: GET,HEAD,PUT,PATCH,POST,DELETE",
            ProxiedWithOrigin,
            [new ExpectStatus(200), new ExpectHeaderEquals(AllowMethods, AllowMethodsValue)]),

        new("cors-allow-origin-without-origin",
            "a proxied response without Origin has no Access-Control-Allow-Origin and no Vary: Origin",
            Proxied,
            [new ExpectStatus(200), .. NoOriginEcho]),

        new("cors-allow-origin-with-origin",
            "a proxied response with Origin echoes it in Access-Control-Allow-Origin, with Vary: Origin",
            ProxiedWithOrigin,
            [new ExpectStatus(200), .. OriginEchoed]),

        new("cors-preflight-without-origin",
            "the preflight without Origin: the three fixed headers, no Allow-Origin, no Vary: Origin",
            new SpecRequest { Method = "OPTIONS" },
            [new ExpectStatus(204), .. AlwaysCors, .. NoOriginEcho]),

        new("cors-preflight-with-origin",
            "the preflight with Origin: the three fixed headers and the origin echoed with Vary: Origin",
            new SpecRequest
            {
                Method = "OPTIONS",
                Headers = [OriginHeader, new("Access-Control-Request-Method", "PUT"), new("Access-Control-Request-Headers", "authorization")],
            },
            [new ExpectStatus(204), new ExpectBodyLength(0), .. AlwaysCors, .. OriginEchoed]),

        new("cors-upstream-replaced-without-origin",
            "the upstream's own CORS headers (/cors) are replaced; without Origin its Allow-Origin does not leak",
            new SpecRequest { OriginPath = "/cors" },
            [new ExpectStatus(200), new ExpectBody("cors"), .. AlwaysCors, .. NoOriginEcho]),

        new("cors-upstream-replaced-with-origin",
            "the upstream's own CORS headers (/cors) are replaced; with Origin the echo wins over the upstream's value",
            new SpecRequest { OriginPath = "/cors", Headers = [OriginHeader] },
            [new ExpectStatus(200), .. AlwaysCors, .. OriginEchoed]),

        new("cors-upstream-expose-headers-dropped",
            "the contract owns every Access-Control-* header: the upstream's Expose-Headers is not passed on",
            new SpecRequest { OriginPath = "/cors", Headers = [OriginHeader] },
            [new ExpectStatus(200), new ExpectHeaderAbsent("Access-Control-Expose-Headers")]),

        new("cors-vary-merged",
            "with Origin, Vary lists Origin and keeps the upstream's own Vary token",
            new SpecRequest { OriginPath = "/response-headers?Vary=Accept-Encoding", Headers = [OriginHeader] },
            [new ExpectStatus(200), new ExpectHeaderContains("Vary", "Origin"), new ExpectHeaderContains("Vary", "Accept-Encoding")]),

        new("cors-on-upstream-error",
            "an upstream 500 is a proxied response too: it carries the CORS headers",
            new SpecRequest { OriginPath = "/status/500", Headers = [OriginHeader] },
            [new ExpectStatus(500), new ExpectBody("status 500"), .. AlwaysCors, .. OriginEchoed]),
    ];
}
