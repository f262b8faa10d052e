using System.Net;
using System.Text;
using CorsLab.Protocol;
using CorsLab.Protocol.OriginTimings;
using CorsLab.Proxies.Core.Faults;

namespace CorsLab.Proxies.Pipelines.Tests;

/// <summary>Framing, streaming, pooling and failure behaviour against the real origin.</summary>
[Collection(EngineCollection.Name)]
public sealed class ForwardingTests(EngineFixture lab)
{
    [Fact]
    public async Task PipelinedRequests_AreAnsweredInOrder()
    {
        using var connection = await lab.Engine.ConnectAsync();
        var request = string.Concat(new[] { "/status/201", "/status/404", "/bytes/3" }.Select(path =>
            $"GET {lab.ProxyTarget(path)} HTTP/1.1\r\nHost: x\r\n\r\n"));
        await connection.SendAsync(request + "GET /healthcheck HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

        var responses = await connection.ReadToEndAsync();

        var statuses = System.Text.RegularExpressions.Regex.Matches(responses, @"HTTP/1\.1 (\d{3}) ").Select(match => match.Groups[1].Value).ToArray();
        Assert.Equal(["201", "404", "200", "200"], statuses);
        Assert.EndsWith("OK", responses, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeepAlive_ReusesOneUpstreamConnection()
    {
        var connections = await OriginConnectionsAsync(lab.Engine, 4);

        Assert.Single(connections.Distinct());
    }

    [Fact]
    public async Task NoPooling_OpensAnUpstreamConnectionPerRequest()
    {
        await using var engine = await lab.StartEngineAsync(Fault.NoPooling);

        var connections = await OriginConnectionsAsync(engine, 4);

        Assert.Equal(4, connections.Distinct().Count());
    }

    [Fact]
    public async Task UpstreamClosingMidBody_AbortsTheClientsResponse()
    {
        using var response = await lab.Client.GetAsync(lab.ProxyUrl("/reset-after/65536"), HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var body = await response.Content.ReadAsStreamAsync();

        await Assert.ThrowsAnyAsync<IOException>(() => body.CopyToAsync(Stream.Null));
    }

    [Fact]
    public async Task ChunkedResponse_ArrivesChunkedAndIntact()
    {
        using var response = await lab.Client.GetAsync(lab.ProxyUrl("/chunked/100000?chunk=1000"));

        Assert.True(response.Headers.TransferEncodingChunked);
        Assert.Equal(Payload(100000), await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task ChunkedRequest_ReachesTheUpstreamChunked()
    {
        using var connection = await lab.Engine.ConnectAsync();
        await connection.SendAsync($"POST {lab.ProxyTarget("/echo")} HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n" +
            "3;ext=\"v\"\r\nabc\r\n4\r\ndefg\r\n0\r\nX-Trailer: dropped\r\n\r\n");

        var response = await connection.ReadToEndAsync();

        Assert.StartsWith("HTTP/1.1 200 ", response, StringComparison.Ordinal);
        Assert.Contains("x-echo-transfer-encoding: chunked", response, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("abcdefg", DechunkedBody(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExpectContinue_Gets100ThenTheEchoedBody()
    {
        using var connection = await lab.Engine.ConnectAsync();
        await connection.SendAsync($"POST {lab.ProxyTarget("/echo")} HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n");

        var interim = await connection.ReadUntilAsync("\r\n\r\n", 1);
        Assert.Equal("HTTP/1.1 100 Continue\r\n\r\n", interim);
        await connection.SendAsync("hello");
        var response = await connection.ReadToEndAsync();

        Assert.StartsWith("HTTP/1.1 200 ", response, StringComparison.Ordinal);
        Assert.EndsWith("\r\n\r\nhello", response, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Head_KeepsContentLengthWithoutBody()
    {
        using var connection = await lab.Engine.ConnectAsync();
        await connection.SendAsync($"HEAD {lab.ProxyTarget("/bytes/1024")} HTTP/1.1\r\nHost: x\r\n\r\nGET /healthcheck HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

        var responses = await connection.ReadToEndAsync();

        Assert.Contains("Content-Length: 1024\r\n", responses, StringComparison.Ordinal);
        var second = responses.IndexOf("HTTP/1.1 200 OK\r\n", 10, StringComparison.Ordinal);
        Assert.True(second > 0 && responses[..second].EndsWith("\r\n\r\n", StringComparison.Ordinal), responses);
    }

    [Theory]
    [InlineData(Fault.BufferResponse)]
    [InlineData(Fault.BufferRequest)]
    [InlineData(Fault.Nagle)]
    [InlineData(Fault.DnsPerRequest)]
    [InlineData(Fault.SyncOverAsync)]
    [InlineData(Fault.AllocPerChunk)]
    [InlineData(Fault.GlobalLock)]
    public async Task EveryFault_StillAnswersCorrectly(Fault fault)
    {
        await using var engine = await lab.StartEngineAsync(fault);
        var payload = Payload(200000);

        using var get = await lab.Client.GetAsync(lab.ProxyUrl("/chunked/200000?chunk=4096", engine));
        using var post = await lab.Client.PostAsync(lab.ProxyUrl("/echo", engine), new ByteArrayContent(payload));

        Assert.Equal(payload, await get.Content.ReadAsByteArrayAsync());
        Assert.Equal(payload, await post.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task AmbiguousUpstreamFraming_Is502()
    {
        using var upstream = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        upstream.Start();
        var serve = Task.Run(async () =>
        {
            using var socket = await upstream.AcceptSocketAsync();
            var buffer = new byte[4096];
            await socket.ReceiveAsync(buffer);
            await socket.SendAsync("HTTP/1.1 200 OK\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n"u8.ToArray());
        });
        var target = $"http://127.0.0.1:{((IPEndPoint)upstream.LocalEndpoint).Port}/";

        using var response = await lab.Client.GetAsync(new Uri(lab.Engine.Url, "/?url=" + Uri.EscapeDataString(target)));

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.StartsWith("Could not complete request: \"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await serve;
    }

    private async Task<List<string>> OriginConnectionsAsync(RunningEngine engine, int requests)
    {
        var ids = new List<string>();
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false });
        for (var i = 0; i < requests; i++)
        {
            var id = Guid.NewGuid().ToString("N");
            ids.Add(id);
            using var request = new HttpRequestMessage(HttpMethod.Get, lab.ProxyUrl("/bytes/1024", engine));
            request.Headers.Add(CorrelationHeader.Name, id);
            using var response = await client.SendAsync(request);
            Assert.Equal(1024, (await response.Content.ReadAsByteArrayAsync()).Length);
        }

        var timings = new OriginTimingsClient(lab.Client, lab.Origin.HttpUrl);
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var page = await timings.GetByIdsAsync(ids);
            if (page.Records.Count == requests)
            {
                return [.. page.Records.Select(record => record.ConnectionId)];
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("the origin did not publish every timing");
    }

    private static byte[] Payload(int length)
    {
        var bytes = new byte[length];
        OriginPayload.Fill(bytes, 0);
        return bytes;
    }

    private static string DechunkedBody(string response)
    {
        var body = response[(response.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..];
        var text = new StringBuilder();
        while (true)
        {
            var lineEnd = body.IndexOf("\r\n", StringComparison.Ordinal);
            var size = Convert.ToInt32(body[..lineEnd], 16);
            if (size == 0)
            {
                return text.ToString();
            }

            text.Append(body.AsSpan(lineEnd + 2, size));
            body = body[(lineEnd + 2 + size + 2)..];
        }
    }
}
