using static CorsLab.Spec.Cases.ContractText;

namespace CorsLab.Spec.Cases;

/// <summary>
/// Which <c>url</c> values are accepted: only an absolute http/https URL without userinfo; the first
/// <c>url</c> wins; the target's own path, query and escapes arrive as given, its fragment does not.
/// </summary>
internal static class UrlValidationCases
{
    public static IReadOnlyList<SpecCase> All { get; } =
    [
        new("url-missing-post",
            "POST / without url answers 400 Required, like GET",
            new SpecRequest { Method = "POST", Body = SpecBody.Sized(16) },
            [new ExpectStatus(400), new ExpectBody(MissingUrl)]),

        new("url-empty",
            "an empty url= is refused with 400 (the original's two messages both fit an empty value)",
            new SpecRequest { RawUrl = "" },
            [new ExpectStatus(400)]),

        new("url-relative",
            "a relative url (/foo) is invalid",
            new SpecRequest { RawUrl = "/foo" },
            [new ExpectStatus(400), new ExpectBody(InvalidUrl)]),

        new("url-protocol-relative",
            "a scheme-relative url (//host/path) is invalid",
            new SpecRequest { RawUrl = "//127.0.0.1:{origin-port}/bytes/16" },
            [new ExpectStatus(400), new ExpectBody(InvalidUrl)]),

        new("url-ftp",
            "an ftp: url is invalid",
            new SpecRequest { RawUrl = "ftp://127.0.0.1/file.txt" },
            [new ExpectStatus(400), new ExpectBody(InvalidUrl)]),

        new("url-javascript",
            "a javascript: url is invalid",
            new SpecRequest { RawUrl = "javascript:alert(1)" },
            [new ExpectStatus(400), new ExpectBody(InvalidUrl)]),

        new("url-file",
            "a file: url is invalid",
            new SpecRequest { RawUrl = "file:///etc/passwd" },
            [new ExpectStatus(400), new ExpectBody(InvalidUrl)]),

        new("url-userinfo",
            "a url with user:password@ is invalid (credentials never travel in the target)",
            new SpecRequest { RawUrl = "http://user:pass@127.0.0.1/" },
            [new ExpectStatus(400), new ExpectBody(InvalidUrl)]),

        new("url-userinfo-user-only",
            "a url with user@ and no password is invalid too",
            new SpecRequest { RawUrl = "http://user@127.0.0.1:{origin-port}/bytes/16" },
            [new ExpectStatus(400), new ExpectBody(InvalidUrl)]),

        new("url-malformed-no-host",
            "http:// with no host is invalid",
            new SpecRequest { RawUrl = "http://" },
            [new ExpectStatus(400), new ExpectBody(InvalidUrl)]),

        new("url-malformed-bracket",
            "an unclosed IPv6 literal (http://[::1) is invalid",
            new SpecRequest { RawUrl = "http://[::1" },
            [new ExpectStatus(400), new ExpectBody(InvalidUrl)]),

        new("url-scheme-case-insensitive",
            "the scheme is case-insensitive: HTTP:// is an http URL",
            new SpecRequest { RawUrl = "HTTP://127.0.0.1:{origin-port}/bytes/16" },
            [new ExpectStatus(200), new ExpectPayload(16)]),

        new("url-target-query-preserved",
            "a percent-encoded url with its own query string arrives with that query",
            new SpecRequest { OriginPath = "/headers?a=1&b=2" },
            [new ExpectStatus(200), new ExpectUpstreamHeaderEquals("_path", "/headers?a=1&b=2")]),

        new("url-target-escapes-preserved",
            "escapes inside the target's query arrive as sent, not decoded",
            new SpecRequest { OriginPath = "/headers?q=a%20b%2Fc%26d" },
            [new ExpectStatus(200), new ExpectUpstreamHeaderEquals("_path", "/headers?q=a%20b%2Fc%26d")]),

        new("url-fragment-not-sent",
            "the target's #fragment is not sent upstream",
            new SpecRequest { OriginPath = "/headers?a=1#section" },
            [new ExpectStatus(200), new ExpectUpstreamHeaderEquals("_path", "/headers?a=1")]),

        new("url-second-parameter-ignored",
            "with two url parameters the first wins",
            new SpecRequest { OriginPath = "/headers?which=first", ExtraQuery = "&url={url:/headers?which=second}" },
            [new ExpectStatus(200), new ExpectUpstreamHeaderEquals("_path", "/headers?which=first")]),

        new("url-unescaped-accepted",
            "an unescaped url without a query of its own is accepted, as browsers' users often send it",
            new SpecRequest { RawPath = "/?url={origin}/bytes/16" },
            [new ExpectStatus(200), new ExpectPayload(16)]),
    ];
}
