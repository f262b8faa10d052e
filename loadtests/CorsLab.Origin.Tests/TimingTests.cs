using System.Diagnostics;
using System.Net;
using CorsLab.Protocol;
using CorsLab.Protocol.OriginTimings;

namespace CorsLab.Origin.Tests;

[Collection(OriginCollection.Name)]
public sealed class TimingTests(OriginFixture origin)
{
    [Fact]
    public async Task EchoWithBody_RecordsEveryInstantInOrder()
    {
        var id = NewId();
        using var http = origin.CreateClient();
        var payload = new byte[300_000];
        OriginPayload.Fill(payload, 0);
        using var request = new HttpRequestMessage(HttpMethod.Post, origin.Url("/echo?x=1")) { Content = new ByteArrayContent(payload) };
        request.Headers.Add(CorrelationHeader.Name, id);
        using var response = await http.SendAsync(request);
        Assert.Equal(payload.Length, (await response.Content.ReadAsByteArrayAsync()).Length);

        var timing = Assert.Single(await Timings.WaitForAsync(origin.Host, [id]));
        Assert.Equal(id, timing.Id);
        Assert.Equal("POST", timing.Method);
        Assert.Equal("/echo?x=1", timing.Path);
        Assert.Equal(200, timing.Status);
        Assert.False(timing.Aborted);
        Assert.False(string.IsNullOrEmpty(timing.ConnectionId));
        Assert.Equal(payload.Length, timing.RequestBytes);
        Assert.Equal(payload.Length, timing.ResponseBytes);
        Assert.True(timing.HeadIn <= timing.RequestBodyFirst);
        Assert.True(timing.RequestBodyFirst <= timing.RequestBodyLast);
        Assert.True(timing.HeadIn <= timing.ResponseStart);
        Assert.True(timing.ResponseStart <= timing.ResponseBodyFirst);
        Assert.True(timing.ResponseBodyFirst <= timing.ResponseBodyLast);
        Assert.True(timing.ResponseBodyLast <= Stopwatch.GetTimestamp());
    }

    [Fact]
    public async Task Bytes_RecordsResponseAndNoRequestBody()
    {
        var id = NewId();
        using var http = origin.CreateClient();
        await SendAsync(http, "/bytes/70000", id);

        var timing = Assert.Single(await Timings.WaitForAsync(origin.Host, [id]));
        Assert.Null(timing.RequestBodyFirst);
        Assert.Null(timing.RequestBodyLast);
        Assert.Equal(0, timing.RequestBytes);
        Assert.Equal(70_000, timing.ResponseBytes);
        Assert.True(timing.ResponseStart <= timing.ResponseBodyFirst);
        Assert.True(timing.ResponseBodyFirst < timing.ResponseBodyLast);
    }

    [Fact]
    public async Task StatusWithoutBody_RecordsStartButNoBodyInstants()
    {
        var id = NewId();
        using var http = origin.CreateClient();
        await SendAsync(http, "/status/204", id);

        var timing = Assert.Single(await Timings.WaitForAsync(origin.Host, [id]));
        Assert.Equal(204, timing.Status);
        Assert.NotNull(timing.ResponseStart);
        Assert.Null(timing.ResponseBodyFirst);
        Assert.Equal(0, timing.ResponseBytes);
    }

    [Fact]
    public async Task ResetAfter_RecordIsMarkedAborted()
    {
        var id = NewId();
        using var http = origin.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, origin.Url("/reset-after/100"));
        request.Headers.Add(CorrelationHeader.Name, id);
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => http.SendAsync(request));

        var timing = Assert.Single(await Timings.WaitForAsync(origin.Host, [id]));
        Assert.True(timing.Aborted);
        Assert.Equal(100, timing.ResponseBytes);
    }

    [Fact]
    public async Task KeepAliveConnection_SameConnectionId_SeparateHandlers_DifferentIds()
    {
        string[] ids = [NewId(), NewId(), NewId()];
        using (var shared = origin.CreateClient(maxConnections: 1))
        {
            await SendAsync(shared, "/healthz", ids[0]);
            await SendAsync(shared, "/healthz", ids[1]);
        }

        using (var other = origin.CreateClient())
        {
            await SendAsync(other, "/healthz", ids[2]);
        }

        var timings = await Timings.WaitForAsync(origin.Host, ids);
        var connection = ids.Select(id => timings.Single(timing => timing.Id == id).ConnectionId).ToArray();
        Assert.Equal(connection[0], connection[1]);
        Assert.NotEqual(connection[0], connection[2]);
    }

    [Fact]
    public async Task Since_ReturnsLaterRecordsInOrder_AndLimitPages()
    {
        using var http = origin.CreateClient();
        var marker = NewId();
        await SendAsync(http, "/healthz", marker);
        var cursor = Assert.Single(await Timings.WaitForAsync(origin.Host, [marker])).Seq;
        string[] ids = [NewId(), NewId()];
        foreach (var id in ids)
        {
            await SendAsync(http, "/healthz", id);
        }

        await Timings.WaitForAsync(origin.Host, ids);
        var client = new OriginTimingsClient(http, origin.Host.HttpUrl);

        var page = await client.GetSinceAsync(cursor, 10_000);
        Assert.Equal(OriginTimingsPage.SchemaV1, page.Schema);
        Assert.Equal(Stopwatch.Frequency, page.Frequency);
        Assert.All(page.Records, record => Assert.True(record.Seq > cursor));
        Assert.Equal(page.Records.Select(record => record.Seq).Order(), page.Records.Select(record => record.Seq));
        Assert.Equal(ids, page.Records.Where(record => ids.Contains(record.Id)).Select(record => record.Id));
        Assert.Equal(page.Records[^1].Seq, page.Next);

        var one = await client.GetSinceAsync(cursor, 1);
        Assert.Equal(cursor + 1, Assert.Single(one.Records).Seq);
        Assert.Equal(cursor + 1, one.Next);

        var none = await client.GetSinceAsync(long.MaxValue, 10);
        Assert.Empty(none.Records);
        Assert.Equal(long.MaxValue, none.Next);
    }

    [Fact]
    public async Task Ids_ManyIds_AreBatchedAndFound()
    {
        using var http = origin.CreateClient();
        var ids = Enumerable.Range(0, 300).Select(_ => NewId()).ToArray();
        await Task.WhenAll(ids.Select(id => SendAsync(http, "/healthz", id)));

        var timings = await Timings.WaitForAsync(origin.Host, ids);
        Assert.Equal(ids.Order(), timings.Select(timing => timing.Id).Order());
    }

    [Fact]
    public async Task RequestsWithoutIdOrToControlPaths_AreNotRecorded()
    {
        using var http = origin.CreateClient();
        var control = NewId();
        await SendAsync(http, "/_corslab/timings?since=0&limit=1", control);
        var marker = NewId();
        await SendAsync(http, "/healthz", marker);

        var timings = await Timings.WaitForAsync(origin.Host, [marker]);
        Assert.DoesNotContain(timings, timing => timing.Id == control);
        var client = new OriginTimingsClient(http, origin.Host.HttpUrl);
        Assert.Empty((await client.GetByIdsAsync([control])).Records);
    }

    [Theory]
    [InlineData("since=-1")]
    [InlineData("since=abc")]
    [InlineData("limit=0")]
    public async Task BadCursorOrLimit_Returns400(string query)
    {
        using var http = origin.CreateClient();
        using var response = await http.GetAsync(origin.Url("/_corslab/timings?" + query));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task SmallCapacity_EvictsOldestAndCountsDrops()
    {
        await using var host = await OriginHost.StartAsync(new OriginOptions { HttpsUrl = null, TimingsCapacity = 3 }, CancellationToken.None);
        using var http = OriginFixture.CreateClient(host);
        var ids = Enumerable.Range(0, 5).Select(_ => NewId()).ToArray();
        foreach (var id in ids)
        {
            await SendAsync(http, new Uri(host.HttpUrl, "/healthz"), id);
        }

        var client = new OriginTimingsClient(http, host.HttpUrl);
        var page = await client.GetSinceAsync(0, 100);
        for (var attempt = 0; page.Next < 5 && attempt < 500; attempt++)
        {
            await Task.Delay(20);
            page = await client.GetSinceAsync(0, 100);
        }

        Assert.Equal([3L, 4L, 5L], page.Records.Select(record => record.Seq));
        Assert.Equal(ids[2..], page.Records.Select(record => record.Id));
        Assert.Equal(2, page.Dropped);
        Assert.Equal(5, page.Next);
        Assert.Empty((await client.GetByIdsAsync([ids[0]])).Records);
    }

    private static string NewId() => Guid.NewGuid().ToString("N");

    private Task SendAsync(HttpClient http, string pathAndQuery, string id) => SendAsync(http, origin.Url(pathAndQuery), id);

    private static async Task SendAsync(HttpClient http, Uri url, string id)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add(CorrelationHeader.Name, id);
        using var response = await http.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();
    }
}
