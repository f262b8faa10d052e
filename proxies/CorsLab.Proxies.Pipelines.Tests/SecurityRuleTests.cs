namespace CorsLab.Proxies.Pipelines.Tests;

/// <summary>Every request-smuggling and resource rule, as exact bytes on a real socket: the answer, then the close.</summary>
[Collection(EngineCollection.Name)]
public sealed class SecurityRuleTests(EngineFixture lab)
{
    public static TheoryData<string, string> BadRequests => new()
    {
        { "content-length-and-transfer-encoding", "POST {t} HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n" },
        { "duplicate-content-length", "POST {t} HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 5\r\n\r\nhello" },
        { "content-length-list", "POST {t} HTTP/1.1\r\nHost: x\r\nContent-Length: 5, 5\r\n\r\nhello" },
        { "negative-content-length", "POST {t} HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n" },
        { "content-length-with-plus", "POST {t} HTTP/1.1\r\nHost: x\r\nContent-Length: +5\r\n\r\nhello" },
        { "final-coding-not-chunked", "POST {t} HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked, identity\r\n\r\n" },
        { "chunked-twice", "POST {t} HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n" },
        { "obsolete-line-folding", "GET {t} HTTP/1.1\r\nHost: x\r\nX-A: 1\r\n  folded\r\n\r\n" },
        { "bare-lf-in-head", "GET {t} HTTP/1.1\r\nHost: x\nX-A: 1\r\n\r\n" },
        { "bare-lf-request-line", "GET {t} HTTP/1.1\nHost: x\r\n\r\n" },
        { "bare-cr-in-value", "GET {t} HTTP/1.1\r\nHost: x\r\nX-A: a\rb\r\n\r\n" },
        { "nul-in-value", "GET {t} HTTP/1.1\r\nHost: x\r\nX-A: a\0b\r\n\r\n" },
        { "nul-in-request-line", "GET {t}\0 HTTP/1.1\r\nHost: x\r\n\r\n" },
        { "space-before-colon", "GET {t} HTTP/1.1\r\nHost: x\r\nX-A : 1\r\n\r\n" },
        { "invalid-name-character", "GET {t} HTTP/1.1\r\nHost: x\r\nX(A): 1\r\n\r\n" },
        { "empty-header-name", "GET {t} HTTP/1.1\r\nHost: x\r\n: 1\r\n\r\n" },
        { "missing-host", "GET {t} HTTP/1.1\r\n\r\n" },
        { "duplicate-host", "GET {t} HTTP/1.1\r\nHost: x\r\nHost: y\r\n\r\n" },
        { "bad-version", "GET {t} HTTP/2.0\r\nHost: x\r\n\r\n" },
        { "transfer-encoding-in-http10", "POST {t} HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n" },
        { "bad-chunk-size", "POST {t} HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task MalformedRequest_Is400AndClosed(string rule, string request)
    {
        var response = await ExchangeAsync(request.Replace("{t}", lab.ProxyTarget("/echo"), StringComparison.Ordinal));

        Assert.True(response.StartsWith("HTTP/1.1 400 ", StringComparison.Ordinal), $"{rule}: [{response}]");
        Assert.Contains("Connection: close", response, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownCodingUnderChunked_Is501AndClosed()
    {
        var response = await ExchangeAsync($"POST {lab.ProxyTarget("/echo")} HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 501 ", response, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequestLineOverTheLimit_Is414AndClosed()
    {
        var response = await ExchangeAsync($"GET /?pad={new string('p', EngineFixture.MaxLineBytes * 2)} HTTP/1.1\r\nHost: x\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 414 ", response, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequestLineOverTheLimitWithoutItsEnd_Is414AndClosed()
    {
        // No LF at all: the limit applies before the line is complete.
        var response = await ExchangeAsync($"GET /?pad={new string('p', EngineFixture.MaxLineBytes * 2)}");

        Assert.StartsWith("HTTP/1.1 414 ", response, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HeadersOverTheLimit_Are431AndClosed()
    {
        var response = await ExchangeAsync($"GET / HTTP/1.1\r\nHost: x\r\nX-Big: {new string('h', EngineFixture.MaxHeaderBytes)}\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 431 ", response, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ManySmallHeadersOverTheLimit_Are431AndClosed()
    {
        var headers = string.Concat(Enumerable.Range(0, 400).Select(i => $"X-H{i}: 0123456789\r\n"));

        var response = await ExchangeAsync($"GET / HTTP/1.1\r\nHost: x\r\n{headers}\r\n");

        Assert.StartsWith("HTTP/1.1 431 ", response, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HeadNeverFinished_IsAnswered408AndClosed()
    {
        // Slowloris: the fixture's engine allows 1 s for a head; this one never ends.
        using var connection = await lab.Engine.ConnectAsync();
        await connection.SendAsync("GET / HTTP/1.1\r\nHost: x\r\nX-Slow: 1\r\n");

        var response = await connection.ReadToEndAsync();

        Assert.StartsWith("HTTP/1.1 408 ", response, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConnectionIdleAfterARequest_IsClosedAtTheKeepAliveTimeout()
    {
        await using var engine = await lab.StartEngineAsync(Core.Faults.Fault.None, new PipelinesSettings { KeepAliveTimeout = TimeSpan.FromMilliseconds(200) });
        using var connection = await engine.ConnectAsync();
        await connection.SendAsync("GET /healthcheck HTTP/1.1\r\nHost: x\r\n\r\n");
        Assert.StartsWith("HTTP/1.1 200 ", await connection.ReadUntilAsync("OK", 2), StringComparison.Ordinal);

        Assert.Equal(string.Empty, await connection.ReadToEndAsync());
    }

    [Fact]
    public async Task FreshConnectionThatSendsNothing_IsClosedAtTheHeaderTimeout_NotTheKeepAliveTimeout()
    {
        await using var engine = await lab.StartEngineAsync(Core.Faults.Fault.None, new PipelinesSettings { RequestHeadersTimeout = TimeSpan.FromMilliseconds(200), KeepAliveTimeout = TimeSpan.FromHours(1) });
        using var connection = await engine.ConnectAsync();

        Assert.Equal(string.Empty, await connection.ReadToEndAsync());
    }

    [Fact]
    public async Task BetweenRequests_TheKeepAliveTimeoutApplies_NotTheHeaderTimeout()
    {
        await using var engine = await lab.StartEngineAsync(Core.Faults.Fault.None, new PipelinesSettings { RequestHeadersTimeout = TimeSpan.FromMilliseconds(200), KeepAliveTimeout = TimeSpan.FromHours(1) });
        using var connection = await engine.ConnectAsync();
        await connection.SendAsync("GET /healthcheck HTTP/1.1\r\nHost: x\r\n\r\n");
        Assert.StartsWith("HTTP/1.1 200 ", await connection.ReadUntilAsync("OK", 2), StringComparison.Ordinal);

        // Idle for three header timeouts: a connection timed by the header timeout would be gone.
        await Task.Delay(TimeSpan.FromMilliseconds(600));
        await connection.SendAsync("GET /healthcheck HTTP/1.1\r\nHost: x\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 200 ", await connection.ReadUntilAsync("OK", 2), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConnectionsOverTheCap_AreClosed()
    {
        await using var engine = await lab.StartEngineAsync(Core.Faults.Fault.None, maxConnections: 1);
        using var first = await engine.ConnectAsync();
        await first.SendAsync("GET /healthcheck HTTP/1.1\r\nHost: x\r\n\r\n");
        Assert.StartsWith("HTTP/1.1 200 ", await first.ReadUntilAsync("OK", 2), StringComparison.Ordinal);

        using var second = await engine.ConnectAsync();

        Assert.Equal(string.Empty, await second.ReadToEndAsync());
    }

    private async Task<string> ExchangeAsync(string request)
    {
        using var connection = await lab.Engine.ConnectAsync();
        await connection.SendAsync(request);
        return await connection.ReadToEndAsync();
    }
}
