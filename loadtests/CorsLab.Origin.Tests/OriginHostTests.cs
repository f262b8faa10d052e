using System.Net;
using System.Net.Sockets;
using CorsLab.Protocol;

namespace CorsLab.Origin.Tests;

public sealed class OriginHostTests
{
    [Fact]
    public async Task HttpPortInUse_ThrowsPortInUseExceptionNamingThePort()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var port = ((IPEndPoint)squatter.LocalEndpoint).Port;

        var error = await Assert.ThrowsAsync<PortInUseException>(
            () => OriginHost.StartAsync(new OriginOptions { HttpUrl = $"http://127.0.0.1:{port}" }, CancellationToken.None));

        Assert.Equal(port, error.Port);
        Assert.Contains($"port {port} is already in use", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HttpsPortInUse_ThrowsPortInUseExceptionNamingThePort()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var port = ((IPEndPoint)squatter.LocalEndpoint).Port;

        var error = await Assert.ThrowsAsync<PortInUseException>(
            () => OriginHost.StartAsync(new OriginOptions { HttpsUrl = $"https://localhost:{port}" }, CancellationToken.None));

        Assert.Equal(port, error.Port);
        Assert.Contains($"port {port} is already in use", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://0.0.0.0:0")]
    [InlineData("http://192.168.1.1:0")]
    [InlineData("http://[::1]:0")]
    [InlineData("https://127.0.0.1:0")]
    [InlineData("http://127.0.0.1:0/path")]
    [InlineData("127.0.0.1:0")]
    public void HttpUrl_NotPlainLoopback_IsRefused(string url)
        => Assert.Throws<ArgumentException>(() => new OriginOptions { HttpUrl = url });

    [Fact]
    public void HttpsUrl_NotHttps_IsRefused()
        => Assert.Throws<ArgumentException>(() => new OriginOptions { HttpsUrl = "http://127.0.0.1:0" });

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void TimingsCapacity_NotPositive_IsRefused(int capacity)
        => Assert.Throws<ArgumentOutOfRangeException>(() => new OriginOptions { TimingsCapacity = capacity });

    [Fact]
    public async Task PageListener_HasAPortOfItsOwn_AndServesThePage()
    {
        await using var host = await OriginHost.StartAsync(new OriginOptions { PageUrl = "http://127.0.0.1:0" }, CancellationToken.None);
        using var client = new HttpClient();

        Assert.NotNull(host.PageUrl);
        var page = host.PageUrl;
        Assert.Equal("127.0.0.1", page.Host);
        Assert.NotEqual(host.HttpUrl.Port, page.Port);
        using var response = await client.GetAsync(new Uri(page, "/page"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(host.HttpUrl, "/healthz"))).StatusCode);
    }

    [Fact]
    public async Task WithoutPageUrl_HasNoPageListener()
    {
        await using var host = await OriginHost.StartAsync(new OriginOptions(), CancellationToken.None);

        Assert.Null(host.PageUrl);
    }

    [Fact]
    public void PageUrl_NotPlainLoopbackHttp_IsRefused()
        => Assert.Throws<ArgumentException>(() => new OriginOptions { PageUrl = "http://0.0.0.0:0" });

    [Fact]
    public async Task WithoutHttps_HasNoHttpsUrl_AndListensOnLoopback()
    {
        await using var host = await OriginHost.StartAsync(new OriginOptions { HttpsUrl = null }, CancellationToken.None);

        Assert.Null(host.HttpsUrl);
        Assert.Equal("127.0.0.1", host.HttpUrl.Host);
        Assert.NotEqual(0, host.HttpUrl.Port);
        Assert.True(File.Exists(host.CertificatePemPath));
    }

    [Fact]
    public async Task TempPem_IsDeletedOnDispose_GivenPemIsKept()
    {
        var given = Path.Combine(Path.GetTempPath(), $"corslab-origin-test-{Guid.NewGuid():N}", "origin.pem");
        try
        {
            string temp;
            await using (var host = await OriginHost.StartAsync(new OriginOptions(), CancellationToken.None))
            {
                temp = host.CertificatePemPath;
                Assert.True(File.Exists(temp));
            }

            await using (var host = await OriginHost.StartAsync(new OriginOptions { CertificatePemPath = given }, CancellationToken.None))
            {
                Assert.Equal(given, host.CertificatePemPath);
            }

            Assert.False(File.Exists(temp));
            Assert.True(File.Exists(given));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(given)!, recursive: true);
        }
    }

    [Fact]
    public async Task WaitForShutdown_ReturnsWhenCancelled_AndStopsListening()
    {
        await using var host = await OriginHost.StartAsync(new OriginOptions { HttpsUrl = null }, CancellationToken.None);
        using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await host.WaitForShutdownAsync(stop.Token);

        using var http = new HttpClient();
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(new Uri(host.HttpUrl, "/healthz")));
    }

    [Fact]
    public async Task WaitForShutdown_ReturnsWhenDisposed()
    {
        var host = await OriginHost.StartAsync(new OriginOptions { HttpsUrl = null }, CancellationToken.None);
        var waiting = host.WaitForShutdownAsync(CancellationToken.None);

        await host.DisposeAsync();

        await waiting.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
