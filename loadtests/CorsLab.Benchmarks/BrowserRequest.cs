namespace CorsLab.Benchmarks;

/// <summary>
/// What a browser sends with a cross-origin <c>fetch</c> through the proxy (Chromium 131's fields, in its order):
/// about ten fields, so a per-field cost shows, where a request of <c>Host</c> alone hid it.
/// proxies/CorsLab.Proxies.Pipelines.Tests (AllocationTests) parses the same fields.
/// </summary>
internal static class BrowserRequest
{
    public static string Head(string pathAndQuery, string host) =>
        $"GET {pathAndQuery} HTTP/1.1\r\n" +
        $"Host: {host}\r\n" +
        "Connection: keep-alive\r\n" +
        "sec-ch-ua-platform: \"Linux\"\r\n" +
        "User-Agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36\r\n" +
        "Accept: */*\r\n" +
        "Origin: http://app.example\r\n" +
        "Sec-Fetch-Site: cross-site\r\n" +
        "Sec-Fetch-Mode: cors\r\n" +
        "Sec-Fetch-Dest: empty\r\n" +
        "Referer: http://app.example/dashboard\r\n" +
        "Accept-Encoding: gzip, deflate, br, zstd\r\n" +
        "Accept-Language: en-US,en;q=0.9\r\n" +
        "\r\n";
}
