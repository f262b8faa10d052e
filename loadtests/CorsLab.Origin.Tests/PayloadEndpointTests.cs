using System.Net;
using CorsLab.Protocol;

namespace CorsLab.Origin.Tests;

[Collection(OriginCollection.Name)]
public sealed class PayloadEndpointTests(OriginFixture origin)
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(16 * 1024)]
    [InlineData(200_000)]
    public async Task Bytes_SendsPayloadWithContentLength(int n)
    {
        using var http = origin.CreateClient();
        using var response = await http.GetAsync(origin.Url($"/bytes/{n}"));

        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(n, response.Content.Headers.ContentLength);
        Assert.NotEqual(true, response.Headers.TransferEncodingChunked);
        Assert.Equal("application/octet-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(n, body.Length);
        Assert.True(OriginPayload.Matches(body, 0));
    }

    [Fact]
    public async Task Bytes_Head_SendsContentLengthAndNoBody()
    {
        var (text, _) = await RawHttp.ExchangeAsync(origin.Host.HttpUrl, "HEAD /bytes/5000 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 200 OK\r\n", text, StringComparison.Ordinal);
        Assert.Contains("Content-Length: 5000", RawHttp.HeaderLines(text));
        Assert.EndsWith("\r\n\r\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bytes_BadLength_Returns400()
    {
        using var http = origin.CreateClient();
        using var response = await http.GetAsync(origin.Url("/bytes/-1"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Chunked_SendsPayloadChunkedInWritesOfChunkSize()
    {
        var (text, _) = await RawHttp.ExchangeAsync(origin.Host.HttpUrl, RawHttp.Get("/chunked/10?chunk=4", "Connection: close\r\n"));

        var headers = RawHttp.HeaderLines(text);
        Assert.Contains("Transfer-Encoding: chunked", headers);
        Assert.DoesNotContain(headers, line => line.StartsWith("Content-Length", StringComparison.OrdinalIgnoreCase));
        var body = text[(text.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..];
        var sizes = body.Split("\r\n").Where((_, index) => index % 2 == 0).ToArray();
        Assert.Equal(["4", "4", "2", "0", ""], sizes);
    }

    [Fact]
    public async Task Chunked_DefaultChunk_SendsSamePayload()
    {
        using var http = origin.CreateClient();
        using var response = await http.GetAsync(origin.Url("/chunked/10000"));

        Assert.False(response.Content.Headers.NonValidated.Contains("Content-Length"));
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.Headers.TransferEncodingChunked);
        Assert.Equal(10_000, body.Length);
        Assert.True(OriginPayload.Matches(body, 0));
    }

    [Fact]
    public async Task Drip_SendsChunksTimesSizeWithoutContentLength()
    {
        using var http = origin.CreateClient();
        using var response = await http.GetAsync(origin.Url("/drip?chunks=3&size=7&interval_ms=5"));

        Assert.False(response.Content.Headers.NonValidated.Contains("Content-Length"));
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.TransferEncodingChunked);
        Assert.Equal(21, body.Length);
        Assert.True(OriginPayload.Matches(body, 0));
    }

    [Fact]
    public async Task Sse_SendsNumberedEvents()
    {
        using var http = origin.CreateClient();
        using var response = await http.GetAsync(origin.Url("/sse?events=3&interval_ms=5"));

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("data: event 0\n\ndata: event 1\n\ndata: event 2\n\n", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ResetAfter_ClientReadThrows()
    {
        using var http = origin.CreateClient();
        using var response = await http.GetAsync(origin.Url("/reset-after/1000"), HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(2001, response.Content.Headers.ContentLength);

        await Assert.ThrowsAnyAsync<HttpRequestException>(() => response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task ResetAfter_SendsHeadAndNBytesThenClosesMidBody()
    {
        var (text, closed) = await RawHttp.ExchangeAsync(origin.Host.HttpUrl, RawHttp.Get("/reset-after/5"));

        Assert.True(closed);
        Assert.Contains("Content-Length: 11", RawHttp.HeaderLines(text));
        Assert.Equal(5, text.Length - text.IndexOf("\r\n\r\n", StringComparison.Ordinal) - 4);
    }
}
