using CorsLab.Origin.Hosting;

namespace CorsLab.Origin;

/// <summary>How an origin is started; immutable, validated as it is set.</summary>
public sealed record OriginOptions
{
    private readonly string _httpUrl = "http://127.0.0.1:0";
    private readonly string? _httpsUrl = "https://127.0.0.1:0";
    private readonly string? _pageUrl;
    private readonly int _timingsCapacity = 100_000;

    /// <summary>
    /// The plain-text listener: <c>http://127.0.0.1:PORT</c> (or <c>localhost</c>, which binds 127.0.0.1 too).
    /// Port 0 picks a free port. Any other address is refused: the origin never listens beyond loopback.
    /// </summary>
    public string HttpUrl
    {
        get => _httpUrl;
        init => _httpUrl = LoopbackUrl.Validate(value, Uri.UriSchemeHttp, nameof(HttpUrl));
    }

    /// <summary>The TLS listener (self-signed certificate made at start); null means no https listener.</summary>
    public string? HttpsUrl
    {
        get => _httpsUrl;
        init => _httpsUrl = value is null ? null : LoopbackUrl.Validate(value, Uri.UriSchemeHttps, nameof(HttpsUrl));
    }

    /// <summary>
    /// A second plain-text listener for the browser suite's page (<c>GET /page</c>), or null for none. A port of its own
    /// gives the page an origin that differs from the proxy's and from the upstream's, so every request the page makes
    /// is cross-origin and only a proxy's CORS headers can make it readable.
    /// </summary>
    public string? PageUrl
    {
        get => _pageUrl;
        init => _pageUrl = value is null ? null : LoopbackUrl.Validate(value, Uri.UriSchemeHttp, nameof(PageUrl));
    }

    /// <summary>Where the certificate (PEM, no key) is written for proxies to trust; null means a temp file, deleted at dispose.</summary>
    public string? CertificatePemPath { get; init; }

    /// <summary>
    /// Timing records kept before the oldest is evicted. 100 000 holds a one-minute run at well over
    /// 1 000 requests per second at roughly 200 bytes a record (about 20 MB).
    /// </summary>
    public int TimingsCapacity
    {
        get => _timingsCapacity;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value, nameof(TimingsCapacity));
            _timingsCapacity = value;
        }
    }
}
