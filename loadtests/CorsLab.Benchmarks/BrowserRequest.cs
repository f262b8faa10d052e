namespace CorsLab.Benchmarks;

/// <summary>The headers a browser's cross-origin fetch carries (Chromium's, trimmed of cookies): what a CORS proxy parses per request.</summary>
internal static class BrowserRequest
{
    public const string Origin = "https://app.example.com";

    public static IReadOnlyList<(string Name, string Value)> Headers { get; } =
    [
        ("Origin", Origin),
        ("Accept", "application/json, text/plain, */*"),
        ("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"),
        ("Connection", "keep-alive"),
        ("Accept-Language", "en-GB,en;q=0.9"),
        ("Accept-Encoding", "gzip, deflate, br, zstd"),
        ("Referer", "https://app.example.com/dashboard"),
        ("Sec-Fetch-Mode", "cors"),
        ("Sec-Fetch-Site", "cross-site"),
        ("Sec-Fetch-Dest", "empty"),
        ("Cache-Control", "no-cache"),
    ];
}
