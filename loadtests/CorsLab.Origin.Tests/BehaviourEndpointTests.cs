using System.Diagnostics;
using System.Net;
using CorsLab.Protocol;

namespace CorsLab.Origin.Tests;

[Collection(OriginCollection.Name)]
public sealed class BehaviourEndpointTests(OriginFixture origin)
{
    [Fact]
    public async Task Delay_AnswersAfterTheWait()
    {
        using var http = origin.CreateClient();
        var started = Stopwatch.GetTimestamp();
        using var response = await http.GetAsync(origin.Url("/delay/80"), HttpCompletionOption.ResponseHeadersRead);

        // A lower bound only: a busy machine can make the wait longer, never shorter. The origin waits on the
        // runtime's timer, which may fire up to a millisecond before its due time (one run saw 79.6 ms).
        Assert.True(Stopwatch.GetElapsedTime(started) >= TimeSpan.FromMilliseconds(79), $"answered after {Stopwatch.GetElapsedTime(started).TotalMilliseconds:0.0} ms");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("delayed 80", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SlowHead_AnswersAfterTheWait()
    {
        using var http = origin.CreateClient();
        var started = Stopwatch.GetTimestamp();
        using var response = await http.GetAsync(origin.Url("/slow-head/80"), HttpCompletionOption.ResponseHeadersRead);

        Assert.True(Stopwatch.GetElapsedTime(started) >= TimeSpan.FromMilliseconds(79), $"head after {Stopwatch.GetElapsedTime(started).TotalMilliseconds:0.0} ms");
        Assert.Equal("slow head 80", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SlowHead_ClientGoesAway_EndsTheWait()
    {
        var id = Guid.NewGuid().ToString("N");
        using var http = origin.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, origin.Url("/slow-head/600000"));
        request.Headers.Add(CorrelationHeader.Name, id);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => http.SendAsync(request, cancel.Token));

        // The origin publishes a record only when the request ends: seeing it proves the wait was abandoned.
        var timing = Assert.Single(await Timings.WaitForAsync(origin.Host, [id]));
        Assert.True(timing.Aborted);
        Assert.Null(timing.ResponseStart);
    }

    [Theory]
    [InlineData(200)]
    [InlineData(201)]
    [InlineData(404)]
    [InlineData(418)]
    [InlineData(500)]
    [InlineData(503)]
    public async Task Status_SendsStatusWithBody(int code)
    {
        using var http = origin.CreateClient();
        using var response = await http.GetAsync(origin.Url($"/status/{code}"));

        Assert.Equal(code, (int)response.StatusCode);
        Assert.Equal($"status {code}", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(204)]
    [InlineData(205)]
    [InlineData(304)]
    public async Task Status_NoContentStatuses_SendNoBody(int code)
    {
        var (text, _) = await RawHttp.ExchangeAsync(origin.Host.HttpUrl, RawHttp.Get($"/status/{code}", "Connection: close\r\n"));

        Assert.StartsWith($"HTTP/1.1 {code} ", text, StringComparison.Ordinal);
        Assert.EndsWith("\r\n\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Transfer-Encoding", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(100)]
    [InlineData(199)]
    [InlineData(600)]
    public async Task Status_NotAFinalStatus_Returns400(int code)
    {
        using var http = origin.CreateClient();
        using var response = await http.GetAsync(origin.Url($"/status/{code}"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Redirect_PointsToNextHopThenDone()
    {
        using var http = origin.CreateClient();
        using var first = await http.GetAsync(origin.Url("/redirect/2"));
        Assert.Equal(HttpStatusCode.Found, first.StatusCode);
        Assert.Equal("/redirect/1", first.Headers.Location?.OriginalString);

        using var last = await http.GetAsync(origin.Url("/redirect/0"));
        Assert.Equal(HttpStatusCode.OK, last.StatusCode);
        Assert.Equal("done", await last.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Cors_SendsTheUpstreamsOwnCorsHeaders()
    {
        using var http = origin.CreateClient();
        using var response = await http.GetAsync(origin.Url("/cors"));

        Assert.Equal("cors", await response.Content.ReadAsStringAsync());
        Assert.Equal("https://upstream.example", Single(response, "Access-Control-Allow-Origin"));
        Assert.Equal("GET", Single(response, "Access-Control-Allow-Methods"));
        Assert.Equal("x-upstream", Single(response, "Access-Control-Allow-Headers"));
        Assert.Equal("false", Single(response, "Access-Control-Allow-Credentials"));
        Assert.Equal("x-upstream", Single(response, "Access-Control-Expose-Headers"));
    }

    [Fact]
    public async Task Healthz_ReturnsOk()
    {
        using var http = origin.CreateClient();
        using var response = await http.GetAsync(origin.Url("/healthz"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task UnknownPath_Returns404()
    {
        using var http = origin.CreateClient();
        using var response = await http.GetAsync(origin.Url("/nope"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static string Single(HttpResponseMessage response, string name) => Assert.Single(response.Headers.GetValues(name));
}
