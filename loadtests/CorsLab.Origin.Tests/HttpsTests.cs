using System.Net;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using CorsLab.Protocol;

namespace CorsLab.Origin.Tests;

[Collection(OriginCollection.Name)]
public sealed class HttpsTests(OriginFixture origin)
{
    [Fact]
    public async Task Https_TrustedThroughTheWrittenPem_ServesEndpoints()
    {
        using var http = origin.CreateClient();
        using var response = await http.GetAsync(new Uri(origin.Host.HttpsUrl!, "/bytes/50000"));

        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(50_000, body.Length);
        Assert.True(OriginPayload.Matches(body, 0));
    }

    [Fact]
    public async Task Https_Http2_ServesEndpoints()
    {
        using var http = origin.CreateClient();
        using var response = await http.SendAsync(Http2Get("/healthz"));

        Assert.Equal(HttpVersion.Version20, response.Version);
        Assert.Equal("ok", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Http2_ResetAfter_ClientReadThrows()
    {
        using var http = origin.CreateClient();
        using var response = await http.SendAsync(Http2Get("/reset-after/1000"), HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[4096];
        var received = 0;

        await Assert.ThrowsAnyAsync<IOException>(async () =>
        {
            int read;
            while ((read = await body.ReadAsync(buffer)) > 0)
            {
                received += read;
            }
        });
        // The stream is reset after its DATA frames; HttpClient may drop what it buffered when the reset arrives.
        Assert.InRange(received, 0, 1000);
    }

    [Fact]
    public async Task Http2_ResponseHeaders_ConnectionSpecificHeadersAreRemovedByKestrel()
    {
        using var http = origin.CreateClient();
        using var response = await http.SendAsync(Http2Get("/response-headers?Connection=x-hop&X-Hop=1&Keep-Alive=timeout%3D5&Proxy-Connection=keep-alive&Upgrade=websocket&Trailer=x-t"));

        Assert.Equal(HttpVersion.Version20, response.Version);
        Assert.False(response.Headers.Contains("Connection"));
        Assert.False(response.Headers.Contains("Keep-Alive"));
        Assert.False(response.Headers.Contains("Proxy-Connection"));
        Assert.False(response.Headers.Contains("Upgrade"));
        Assert.Equal("1", Assert.Single(response.Headers.GetValues("X-Hop")));
        Assert.Equal("x-t", Assert.Single(response.Headers.GetValues("Trailer")));
    }

    [Fact]
    public async Task Https_WithoutTrustingThePem_FailsTheHandshake()
    {
        using var http = new HttpClient();

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(new Uri(origin.Host.HttpsUrl!, "/healthz")));
        Assert.IsType<AuthenticationException>(error.InnerException);
    }

    [Fact]
    public void Pem_HoldsOnlyTheCertificate_ForLoopbackNames()
    {
        var pem = File.ReadAllText(origin.Host.CertificatePemPath);
        Assert.Contains("-----BEGIN CERTIFICATE-----", pem, StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE KEY", pem, StringComparison.Ordinal);

        using var certificate = X509Certificate2.CreateFromPem(pem);
        Assert.False(certificate.HasPrivateKey);
        Assert.True(certificate.MatchesHostname("127.0.0.1"));
        Assert.True(certificate.MatchesHostname("localhost"));
        Assert.Equal(IPAddress.Loopback.ToString(), origin.Host.HttpsUrl!.Host);
    }

    private HttpRequestMessage Http2Get(string pathAndQuery) => new(HttpMethod.Get, new Uri(origin.Host.HttpsUrl!, pathAndQuery))
    {
        Version = HttpVersion.Version20,
        VersionPolicy = HttpVersionPolicy.RequestVersionExact,
    };
}
