using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CorsLab.Protocol;

namespace CorsLab.Origin.Tests;

[Collection(OriginCollection.Name)]
public sealed class ExchangeEndpointTests(OriginFixture origin)
{
    [Fact]
    public async Task Echo_WithContentLength_EchoesBodyTypeAndLength()
    {
        using var http = origin.CreateClient();
        var payload = new byte[100_000];
        OriginPayload.Fill(payload, 3);
        using var content = new ByteArrayContent(payload);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-test");
        using var response = await http.PutAsync(origin.Url("/echo"), content);

        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(payload, body);
        Assert.Equal(100_000, response.Content.Headers.ContentLength);
        Assert.Equal("application/x-test", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("PUT", Header(response, "x-echo-method"));
        Assert.Equal("100000", Header(response, "x-echo-content-length"));
        Assert.Equal("none", Header(response, "x-echo-transfer-encoding"));
    }

    [Fact]
    public async Task Sink_PayloadBody_ReportsLengthAndMatch()
    {
        using var http = origin.CreateClient();
        var payload = new byte[300_000];
        OriginPayload.Fill(payload, 0);
        using var content = new ByteArrayContent(payload);
        using var response = await http.PostAsync(origin.Url("/sink"), content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("received 300000 bytes, payload ok", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Sink_CorruptedBody_ReportsWhereItDiffers()
    {
        using var http = origin.CreateClient();
        var payload = new byte[50_000];
        OriginPayload.Fill(payload, 0);
        payload[40_000] ^= 0xFF;
        using var content = new ByteArrayContent(payload);
        using var response = await http.PostAsync(origin.Url("/sink"), content);

        var body = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("received 50000 bytes, payload mismatch at ", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Echo_ChunkedRequest_EchoesChunked()
    {
        using var http = origin.CreateClient();
        using var content = new StreamContent(new MemoryStream(Encoding.ASCII.GetBytes("hello, echo")));
        using var request = new HttpRequestMessage(HttpMethod.Post, origin.Url("/echo")) { Content = content };
        request.Headers.TransferEncodingChunked = true;
        using var response = await http.SendAsync(request);

        Assert.False(response.Content.Headers.NonValidated.Contains("Content-Length"));
        Assert.Equal("hello, echo", await response.Content.ReadAsStringAsync());
        Assert.True(response.Headers.TransferEncodingChunked);
        Assert.Equal("POST", Header(response, "x-echo-method"));
        Assert.Equal("none", Header(response, "x-echo-content-length"));
        Assert.Equal("chunked", Header(response, "x-echo-transfer-encoding"));
    }

    [Fact]
    public async Task Echo_ExpectContinue_GetsTheBodyAndEchoesIt()
    {
        using var http = origin.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, origin.Url("/echo")) { Content = new StringContent("after continue") };
        request.Headers.ExpectContinue = true;
        using var response = await http.SendAsync(request);

        Assert.Equal("after continue", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Echo_Get_NoBody()
    {
        using var http = origin.CreateClient();
        using var response = await http.GetAsync(origin.Url("/echo"));

        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
        Assert.Equal("GET", Header(response, "x-echo-method"));
    }

    [Fact]
    public async Task Headers_ReturnsRequestHeadersAsJson()
    {
        using var http = origin.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Delete, origin.Url("/headers?a=1&b=%20"));
        request.Headers.TryAddWithoutValidation("X-Repeat", ["one", "two"]);
        request.Headers.TryAddWithoutValidation("X-Mixed-Case", "Value");
        using var response = await http.SendAsync(request);

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Equal("one, two", root.GetProperty("x-repeat").GetString());
        Assert.Equal("Value", root.GetProperty("x-mixed-case").GetString());
        Assert.Equal("DELETE", root.GetProperty("_method").GetString());
        Assert.Equal("/headers?a=1&b=%20", root.GetProperty("_path").GetString());
        Assert.Equal($"127.0.0.1:{origin.Host.HttpUrl.Port}", root.GetProperty("_host").GetString());
        Assert.Equal(root.GetProperty("_host").GetString(), root.GetProperty("host").GetString());
    }

    [Fact]
    public async Task ResponseHeaders_AddsEachQueryPair()
    {
        using var http = origin.CreateClient();
        using var response = await http.GetAsync(origin.Url("/response-headers?X-One=1&X-Two=a&X-Two=b&Keep-Alive=timeout%3D5&Trailer=x-t"));

        Assert.Equal("ok", await response.Content.ReadAsStringAsync());
        Assert.Equal("1", Header(response, "X-One"));
        Assert.Equal(["a", "b"], response.Headers.GetValues("X-Two"));
        Assert.Equal("timeout=5", Header(response, "Keep-Alive"));
        Assert.Equal("x-t", Header(response, "Trailer"));
    }

    [Fact]
    public async Task ResponseHeaders_HopByHop_ReachTheWireOverHttp11()
    {
        var target = "/response-headers?Connection=x-hop&X-Hop=1&Keep-Alive=timeout%3D5&Proxy-Connection=keep-alive&Upgrade=websocket&Trailer=x-t";
        var (text, closed) = await RawHttp.ExchangeAsync(origin.Host.HttpUrl, RawHttp.Get(target));

        var headers = RawHttp.HeaderLines(text);
        Assert.Contains("Connection: x-hop", headers);
        Assert.Contains("X-Hop: 1", headers);
        Assert.Contains("Keep-Alive: timeout=5", headers);
        Assert.Contains("Proxy-Connection: keep-alive", headers);
        Assert.Contains("Upgrade: websocket", headers);
        Assert.Contains("Trailer: x-t", headers);
        Assert.Contains("Transfer-Encoding: chunked", headers);

        // Kestrel reads a Connection header without "keep-alive" as the end of the connection.
        Assert.True(closed);
    }

    [Fact]
    public async Task ResponseHeaders_ConnectionWithKeepAlive_IsReducedToKeepAliveByKestrel()
    {
        var (text, closed) = await RawHttp.ExchangeAsync(
            origin.Host.HttpUrl, RawHttp.Get("/response-headers?Connection=keep-alive,%20x-hop&X-Hop=1"));

        var headers = RawHttp.HeaderLines(text);
        Assert.Contains("Connection: keep-alive", headers);
        Assert.Contains("X-Hop: 1", headers);
        Assert.False(closed);
    }

    [Theory]
    [InlineData("Content-Length=5")]
    [InlineData("transfer-encoding=chunked")]
    public async Task ResponseHeaders_FramingHeader_Returns400(string query)
    {
        using var http = origin.CreateClient();
        using var response = await http.GetAsync(origin.Url("/response-headers?" + query));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task ResponseHeaders_ControlCharacter_Returns400()
    {
        using var http = origin.CreateClient();
        using var response = await http.GetAsync(origin.Url("/response-headers?X-Bad=a%0Db"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains("X-Bad"));
    }

    private static string Header(HttpResponseMessage response, string name)
        => response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : string.Join(",", response.Content.Headers.GetValues(name));
}
