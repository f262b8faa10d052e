using CorsLab.Protocol;

namespace CorsLab.Spec.Cases;

/// <summary>
/// End-to-end headers forwarded both ways, hop-by-hop headers stripped both ways (RFC 9110 §7.6.1),
/// <c>Host</c> rewritten, and the header and URL size limits.
/// </summary>
internal static class HeaderCases
{
    /// <summary>A custom hop-by-hop header: hop-by-hop only because <c>Connection</c> names it.</summary>
    private const string HopName = "x-corslab-hop";

    private static readonly string NineKilobytes = new('h', 9 * 1024);

    // Eight 9 KB headers: 72 KB, past the 64 KB every gateway refuses (Kestrel's default is 32 KB).
    private static readonly SpecHeader[] OversizedBlock =
        [.. Enumerable.Range(0, 8).Select(i => new SpecHeader($"x-corslab-fill-{i}", NineKilobytes))];

    public static IReadOnlyList<SpecCase> All { get; } =
    [
        new("header-host-rewritten",
            "Host becomes the target's host:port",
            new SpecRequest { OriginPath = "/headers" },
            [new ExpectStatus(200), new ExpectUpstreamHeaderEquals("_host", "{origin-authority}")]),

        new("header-path-forwarded",
            "the method and the target's path and query reach the upstream",
            new SpecRequest { OriginPath = "/headers?corslab=1" },
            [new ExpectStatus(200), new ExpectUpstreamHeaderEquals("_method", "GET"), new ExpectUpstreamHeaderEquals("_path", "/headers?corslab=1")]),

        new("header-end-to-end-forwarded",
            "a custom end-to-end request header reaches the upstream unchanged",
            new SpecRequest { OriginPath = "/headers", Headers = [new("x-corslab-test", "a, b;c=\"d\"")] },
            [new ExpectStatus(200), new ExpectUpstreamHeaderEquals("x-corslab-test", "a, b;c=\"d\"")]),

        new("header-authorization-forwarded",
            "Authorization (the header the contract allows) reaches the upstream",
            new SpecRequest { OriginPath = "/headers", Headers = [new("Authorization", "Bearer corslab-token")] },
            [new ExpectStatus(200), new ExpectUpstreamHeaderEquals("authorization", "Bearer corslab-token")]),

        new("header-cookie-forwarded",
            "Cookie reaches the upstream",
            new SpecRequest { OriginPath = "/headers", Headers = [new("Cookie", "a=1; b=2")] },
            [new ExpectStatus(200), new ExpectUpstreamHeaderEquals("cookie", "a=1; b=2")]),

        new("header-correlation-forwarded",
            "x-corslab-id, which the lab times requests by, reaches the upstream",
            new SpecRequest { OriginPath = "/headers" },
            [new ExpectStatus(200), new ExpectUpstreamHeaderPresent(CorrelationHeader.Name)]),

        new("header-large-forwarded",
            "one 9 KB header (more than 8 KB of headers in all) reaches the upstream intact",
            new SpecRequest { OriginPath = "/headers", Headers = [new("x-corslab-large", NineKilobytes)] },
            [new ExpectStatus(200), new ExpectUpstreamHeaderEquals("x-corslab-large", NineKilobytes)]),

        new("header-block-too-large",
            "a request header block over 64 KB is refused: 431 (or 400, or the connection closed)",
            new SpecRequest { OriginPath = "/headers", Headers = OversizedBlock },
            [new ExpectRejected(431, 400)]),

        new("header-url-too-long",
            "a request URL over 16 KB is refused with 414",
            new SpecRequest { OriginPath = $"/bytes/16?pad={new string('p', 17 * 1024)}" },
            [new ExpectStatus(414)]),

        new("header-response-custom-forwarded",
            "a custom end-to-end response header reaches the client unchanged",
            new SpecRequest { OriginPath = "/response-headers?x-corslab-test=abc%2C%20def" },
            [new ExpectStatus(200), new ExpectHeaderEquals("x-corslab-test", "abc, def"), new ExpectBody("ok")]),

        new("header-response-set-cookie-forwarded",
            "Set-Cookie reaches the client (the proxy keeps no cookie jar)",
            new SpecRequest { OriginPath = "/response-headers?Set-Cookie=corslab%3D1%3B%20Path%3D%2F" },
            [new ExpectStatus(200), new ExpectHeaderEquals("Set-Cookie", "corslab=1; Path=/")]),

        new("header-response-content-type-forwarded",
            "the upstream's Content-Type reaches the client",
            new SpecRequest { OriginPath = "/bytes/16" },
            [new ExpectStatus(200), new ExpectHeaderEquals("Content-Type", "application/octet-stream")]),

        // Hop-by-hop, request side: sent over a plain socket, since HttpClient rewrites or refuses these.
        new("header-hop-request-connection-named",
            "a header named in Connection is hop-by-hop: not forwarded, nor the Connection token",
            new SpecRequest { OriginPath = "/headers", RawSocket = true, Headers = [new("Connection", HopName), new(HopName, "1")] },
            [new ExpectStatus(200), new ExpectUpstreamHeaderAbsent(HopName), new ExpectUpstreamHeaderPresent("_host")]),

        new("header-hop-request-keep-alive",
            "Keep-Alive is not forwarded",
            new SpecRequest { OriginPath = "/headers", RawSocket = true, Headers = [new("Connection", "keep-alive"), new("Keep-Alive", "timeout=5, max=100")] },
            [new ExpectStatus(200), new ExpectUpstreamHeaderAbsent("keep-alive")]),

        new("header-hop-request-proxy-connection",
            "Proxy-Connection is not forwarded",
            new SpecRequest { OriginPath = "/headers", RawSocket = true, Headers = [new("Proxy-Connection", "keep-alive")] },
            [new ExpectStatus(200), new ExpectUpstreamHeaderAbsent("proxy-connection")]),

        new("header-hop-request-te",
            "TE is not forwarded",
            new SpecRequest { OriginPath = "/headers", RawSocket = true, Headers = [new("Connection", "TE"), new("TE", "trailers")] },
            [new ExpectStatus(200), new ExpectUpstreamHeaderAbsent("te")]),

        new("header-hop-request-trailer",
            "Trailer is not forwarded",
            new SpecRequest { OriginPath = "/headers", RawSocket = true, Headers = [new("Trailer", "x-corslab-checksum")] },
            [new ExpectStatus(200), new ExpectUpstreamHeaderAbsent("trailer")]),

        new("header-hop-request-upgrade",
            "an h2c upgrade attempt is not forwarded: no Upgrade, no HTTP2-Settings upstream, an ordinary 200",
            new SpecRequest
            {
                OriginPath = "/headers",
                RawSocket = true,
                Headers = [new("Connection", "Upgrade, HTTP2-Settings"), new("Upgrade", "h2c"), new("HTTP2-Settings", "AAMAAABkAAQCAAAAAAIAAAAA")],
            },
            [new ExpectStatus(200), new ExpectUpstreamHeaderAbsent("upgrade"), new ExpectUpstreamHeaderAbsent("http2-settings")]),

        // Hop-by-hop, response side: the origin's /response-headers sends what it is asked to.
        new("header-hop-response-connection-named",
            "a response header named in the upstream's Connection does not reach the client, nor the token",
            new SpecRequest { OriginPath = $"/response-headers?Connection={HopName}&{HopName}=1" },
            [new ExpectStatus(200), new ExpectHeaderAbsent(HopName), new ExpectHeaderLacks("Connection", HopName)]),

        new("header-hop-response-keep-alive",
            "the upstream's Keep-Alive does not reach the client",
            new SpecRequest { OriginPath = "/response-headers?Keep-Alive=timeout%3D5" },
            [new ExpectStatus(200), new ExpectHeaderAbsent("Keep-Alive")]),

        new("header-hop-response-proxy-connection",
            "the upstream's Proxy-Connection does not reach the client",
            new SpecRequest { OriginPath = "/response-headers?Proxy-Connection=keep-alive" },
            [new ExpectStatus(200), new ExpectHeaderAbsent("Proxy-Connection")]),

        new("header-hop-response-te",
            "a TE response header from the upstream does not reach the client",
            new SpecRequest { OriginPath = "/response-headers?TE=trailers" },
            [new ExpectStatus(200), new ExpectHeaderAbsent("TE")]),

        new("header-hop-response-trailer",
            "the upstream's Trailer does not reach the client",
            new SpecRequest { OriginPath = "/response-headers?Trailer=x-corslab-checksum" },
            [new ExpectStatus(200), new ExpectHeaderAbsent("Trailer")]),

        new("header-hop-response-upgrade",
            "the upstream's Upgrade does not reach the client",
            new SpecRequest { OriginPath = "/response-headers?Upgrade=h2c" },
            [new ExpectStatus(200), new ExpectHeaderAbsent("Upgrade")]),
    ];
}
