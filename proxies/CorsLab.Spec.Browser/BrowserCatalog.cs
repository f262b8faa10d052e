namespace CorsLab.Spec.Browser;

/// <summary>
/// Every browser case, in run order. Each is something the HTTP cases check header by header but only a browser
/// judges as a whole: it refuses a response over one wrong CORS header and tells the script only "Failed to fetch".
/// </summary>
public static class BrowserCatalog
{
    /// <summary>The drip of <c>browser-streaming-drip</c>: five chunks 300 ms apart, 1.2 s from first to last.</summary>
    public static readonly SeeStreamed Drip = new(Chunks: 5, IntervalMs: 300);

    /// <summary>A JSON document as a browser app would PUT it.</summary>
    private const string JsonBody = """{"engine":"any","browser":true}""";

    private static readonly SpecHeader Authorization = new("Authorization", "Bearer corslab-browser");

    public static IReadOnlyList<BrowserCase> All { get; } =
    [
        new("browser-get",
            "a simple cross-origin GET: the page reads status and every body byte",
            new BrowserRequest { OriginPath = "/bytes/1024" },
            [new SeeStatus(200), new SeeBodyLength(1024)]),

        new("browser-credentials-include",
            "credentials: 'include' sends the page's cookie through the proxy, and the browser accepts the exact origin with Allow-Credentials: true",
            new BrowserRequest { OriginPath = "/headers", IncludeCredentials = true, Cookie = "corslab-browser=1" },
            [new SeeStatus(200), new SeeBodyContains("\"cookie\":\"corslab-browser=1\"")]),

        new("browser-preflight-put",
            "a PUT with Authorization and a JSON body passes the browser's preflight and the body comes back",
            new BrowserRequest { Method = "PUT", OriginPath = "/echo", Headers = [Authorization], Body = JsonBody },
            [new SeeStatus(200), new SeeBody(JsonBody)]),

        // The contract allows one request header, authorization (as the original gateway did). A browser asks
        // for content-type too when a script labels its body application/json, so it refuses the exchange: this
        // case pins that consequence of the contract, so a change to it is seen.
        new("browser-preflight-json-content-type-refused",
            "a PUT labelled Content-Type: application/json is refused by the browser: the preflight allows only authorization",
            new BrowserRequest { Method = "PUT", OriginPath = "/echo", Headers = [Authorization, new("Content-Type", "application/json")], Body = JsonBody },
            [new SeeRefused()]),

        new("browser-upstream-cors-replaced",
            "the upstream's own Access-Control-* headers (another origin, credentials false) are replaced: a credentialed page reads the body",
            new BrowserRequest { OriginPath = "/cors", IncludeCredentials = true },
            [new SeeStatus(200), new SeeBody("cors")]),

        new("browser-policy-denied-readable",
            "a target the policy denies: the page reads 403 and the contract's message, since error responses carry CORS headers too",
            new BrowserRequest { DeniedTarget = true },
            [new SeeStatus(403), new SeeBody("Target not allowed.")]),

        new("browser-url-invalid-readable",
            "an invalid url: the page reads 400 and the contract's message",
            new BrowserRequest { RawUrl = "ftp://127.0.0.1/" },
            [new SeeStatus(400), new SeeBody("Invalid \"url\" query parameter provided.")]),

        new("browser-streaming-drip",
            "a dripped body (5 chunks, 300 ms apart) read with response.body.getReader(): the chunks reach the page spread over the drip, not all at once at its end",
            new BrowserRequest { OriginPath = $"/drip?chunks={Drip.Chunks}&size=256&interval_ms={Drip.IntervalMs}" },
            [new SeeStatus(200), new SeeBodyLength(Drip.Chunks * 256), Drip]),

        new("browser-sse",
            "an EventSource through the proxy receives every event, in order",
            new BrowserRequest { Api = BrowserApi.EventSource, OriginPath = "/sse?events=5&interval_ms=100", Events = 5 },
            [new SeeEvents(["event 0", "event 1", "event 2", "event 3", "event 4"])]),
    ];

    /// <summary>The case with this id, or null.</summary>
    public static BrowserCase? Find(string id) => All.FirstOrDefault(c => string.Equals(c.Id, id, StringComparison.Ordinal));
}
