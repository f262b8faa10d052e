namespace CorsLab.Benchmarks;

/// <summary>
/// The fields a browser's cross-origin <c>fetch</c> carries (Chromium 131's, trimmed of cookies): about ten, so a
/// per-field cost shows, where a request of <c>Host</c> alone hid it.
/// </summary>
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

    /// <summary>A GET request head with <c>Host</c> and <paramref name="headers"/>, as it goes on the wire.</summary>
    public static string Head(string pathAndQuery, string host, IEnumerable<(string Name, string Value)> headers) =>
        $"GET {pathAndQuery} HTTP/1.1\r\nHost: {host}\r\n{string.Concat(headers.Select(h => $"{h.Name}: {h.Value}\r\n"))}\r\n";
}
