using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using CorsLab.Protocol;

namespace CorsLab.Origin.Tests;

/// <summary>The per-request provocations (README "Provocations"), checked on the wire and in the origin's own timings.</summary>
[Collection(OriginCollection.Name)]
public sealed class ProvocationTests(OriginFixture origin)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Split_HeadGoesOutAloneAndTheBodyAtLeastTheGapLater()
    {
        var id = Guid.NewGuid().ToString("N");
        using var http = origin.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, origin.Url("/bytes/5000?split_ms=50"));
        request.Headers.Add(CorrelationHeader.Name, id);
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(5000, body.Length);
        Assert.True(OriginPayload.Matches(body, 0));
        var timing = Assert.Single(await Timings.WaitForAsync(origin.Host, [id]));
        var gap = Stopwatch.GetElapsedTime(timing.ResponseStart!.Value, timing.ResponseBodyFirst!.Value);
        // The gap is a timer wait, which may end a timer tick early (49.7 ms seen for 50); what matters is that
        // the body went out tens of milliseconds after the head, not with it.
        Assert.True(gap >= TimeSpan.FromMilliseconds(40), $"head to first body write: {gap.TotalMilliseconds} ms");
    }

    [Fact]
    public async Task Split_OnAnEndpointThatWritesText_StillSendsTheWholeBody()
    {
        using var http = origin.CreateClient();
        Assert.Equal("delayed 0", await http.GetStringAsync(origin.Url("/delay/0?split_ms=1")));
    }

    [Fact]
    public async Task Close_AnswersConnectionCloseAndClosesTheConnection()
    {
        var (text, closed) = await RawHttp.ExchangeAsync(origin.Host.HttpUrl, RawHttp.Get("/bytes/10?close=1"));

        Assert.Contains("Connection: close", RawHttp.HeaderLines(text));
        Assert.True(closed);
    }

    [Fact]
    public async Task Nagle_StillAnswersAndTheNextRequestOnTheConnectionIsServed()
    {
        var (text, closed) = await RawHttp.ExchangeAsync(origin.Host.HttpUrl, RawHttp.Get("/bytes/100?nagle=1&split_ms=1"));

        Assert.StartsWith("HTTP/1.1 200 OK", text, StringComparison.Ordinal);
        Assert.False(closed);
    }

    [Fact]
    public async Task IdleClose_ClosesAConnectionLeftIdle()
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(origin.Host.HttpUrl.Host, origin.Host.HttpUrl.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(RawHttp.Get("/bytes/10?idle_close_ms=50")));

        using var bound = new CancellationTokenSource(Bound);
        var received = new StringBuilder();
        var buffer = new byte[4096];
        int read;
        while ((read = await stream.ReadAsync(buffer, bound.Token)) > 0)
        {
            received.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        Assert.StartsWith("HTTP/1.1 200 OK", received.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Connection: close", received.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task IdleClose_ARequestBeforeTheTimeoutKeepsTheConnection()
    {
        var (text, closed) = await RawHttp.ExchangeAsync(origin.Host.HttpUrl, RawHttp.Get("/bytes/10?idle_close_ms=60000"));

        Assert.StartsWith("HTTP/1.1 200 OK", text, StringComparison.Ordinal);
        Assert.False(closed);
    }

    [Fact]
    public async Task NoContinue_SendsNo100ContinueAndAnswersOnceTheBodyArrives()
    {
        var (interim, final) = await PostWithExpectAsync("/sink?no_continue=1", TimeSpan.FromMilliseconds(300));

        Assert.Equal("", interim);
        Assert.StartsWith("HTTP/1.1 200 OK", final, StringComparison.Ordinal);
        Assert.Contains("received 5 bytes, payload ok", final, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutNoContinue_Sends100Continue()
    {
        // The 100 must come, however busy the machine: waited for as long as any answer.
        var (interim, _) = await PostWithExpectAsync("/sink", Bound);

        Assert.StartsWith("HTTP/1.1 100 Continue", interim, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/bytes/5000?http10=1", 5000)]
    [InlineData("/drip?chunks=3&size=700&interval_ms=5&http10=1", 2100)]
    public async Task Http10_AnswersAnHttp10ResponseWhoseBodyEndsWithTheClose(string target, int length)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(origin.Host.HttpUrl.Host, origin.Host.HttpUrl.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(RawHttp.Get(target)));

        // Read to the server's close: the only end such a body has.
        using var bound = new CancellationTokenSource(Bound);
        var received = new MemoryStream();
        await stream.CopyToAsync(received, bound.Token);
        var bytes = received.ToArray();
        var headEnd = bytes.AsSpan().IndexOf("\r\n\r\n"u8);
        var head = Encoding.ASCII.GetString(bytes, 0, headEnd);

        Assert.StartsWith("HTTP/1.0 200 OK\r\n", head, StringComparison.Ordinal);
        Assert.DoesNotContain("Transfer-Encoding", head, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Content-Length", head, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(length, bytes.Length - headEnd - 4);
        Assert.True(OriginPayload.Matches(bytes.AsSpan(headEnd + 4), 0), "the body is the payload, unwrapped from its chunks");
    }

    [Fact]
    public async Task Http10_TheOriginsTimingsStillStampTheBody()
    {
        var id = Guid.NewGuid().ToString("N");
        var (text, closed) = await RawHttp.ExchangeAsync(origin.Host.HttpUrl, RawHttp.Get("/drip?chunks=2&size=10&interval_ms=20&http10=1", $"{CorrelationHeader.Name}: {id}\r\n"));

        Assert.True(closed);
        Assert.StartsWith("HTTP/1.0 200 OK", text, StringComparison.Ordinal);
        var timing = Assert.Single(await Timings.WaitForAsync(origin.Host, [id]));
        Assert.Equal(20, timing.ResponseBytes);
        Assert.True(timing.ResponseBodyLast > timing.ResponseBodyFirst);
    }

    [Fact]
    public async Task Http10_TheNextConnectionIsHttp11Again()
    {
        await RawHttp.ExchangeAsync(origin.Host.HttpUrl, RawHttp.Get("/bytes/10?http10=1"));
        var (text, closed) = await RawHttp.ExchangeAsync(origin.Host.HttpUrl, RawHttp.Get("/bytes/10"));

        Assert.StartsWith("HTTP/1.1 200 OK", text, StringComparison.Ordinal);
        Assert.False(closed);
    }

    [Theory]
    [InlineData("split_ms=x", "split_ms must be an integer from 0 to 60000")]
    [InlineData("idle_close_ms=60001", "idle_close_ms must be an integer from 0 to 60000")]
    [InlineData("nagle=yes", "nagle must be an integer from 0 to 1")]
    [InlineData("close=2", "close must be an integer from 0 to 1")]
    [InlineData("no_continue=-1", "no_continue must be an integer from 0 to 1")]
    [InlineData("http10=yes", "http10 must be an integer from 0 to 1")]
    public async Task BadValue_Is400NamingTheParameter(string query, string message)
    {
        using var http = origin.CreateClient();
        using var response = await http.GetAsync(origin.Url("/bytes/10?" + query));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(message, await response.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// Sends a POST head with <c>Expect: 100-continue</c> and reads what comes within <paramref name="interimWait"/>
    /// (an interim answer, or nothing), then sends the 5-byte payload body and reads the final (chunked) response.
    /// </summary>
    private async Task<(string Interim, string Final)> PostWithExpectAsync(string target, TimeSpan interimWait)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(origin.Host.HttpUrl.Host, origin.Host.HttpUrl.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"POST {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n"));
        var buffer = new byte[4096];
        var interim = "";
        // Poll, not a cancelled read: cancelling a socket read may lose what arrives next.
        if (tcp.Client.Poll(interimWait, SelectMode.SelectRead))
        {
            var read = await stream.ReadAsync(buffer);
            interim = Encoding.ASCII.GetString(buffer, 0, read);
        }

        var body = new byte[5];
        OriginPayload.Fill(body, 0);
        await stream.WriteAsync(body);
        using var bound = new CancellationTokenSource(Bound);
        var final = new StringBuilder();
        while (!final.ToString().EndsWith("\r\n0\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer, bound.Token);
            if (read == 0)
            {
                break;
            }

            final.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        var text = final.ToString();
        var start = text.IndexOf("HTTP/1.1 200", StringComparison.Ordinal);
        return (interim, start >= 0 ? text[start..] : text);
    }
}
