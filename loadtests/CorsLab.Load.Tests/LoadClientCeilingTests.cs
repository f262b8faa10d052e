using System.Net.Sockets;
using System.Text;
using CorsLab.Load.Ceiling;
using CorsLab.Load.Engine;
using CorsLab.Load.Scenarios;
using CorsLab.Results;

namespace CorsLab.Load.Tests;

/// <summary>The in-process responder over a real loopback socket, and the ceiling measured against it.</summary>
public sealed class LoadClientCeilingTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Get_Bytes_AnswersExactlyThatManyBytes_AndKeepsTheConnection()
    {
        await using var responder = CeilingResponder.Start();
        using var socket = await ConnectAsync(responder);

        // Two pipelined requests in one write: both answered, in order, on one connection.
        await SendAsync(socket, "GET /bytes/5 HTTP/1.1\r\nHost: x\r\n\r\nGET /bytes/70000 HTTP/1.1\r\nHost: x\r\n\r\n");
        var (head1, body1) = await ReadResponseAsync(socket);
        var (head2, body2) = await ReadResponseAsync(socket);

        Assert.StartsWith("HTTP/1.1 200 OK", head1, StringComparison.Ordinal);
        Assert.Equal(5, body1.Length);
        Assert.StartsWith("HTTP/1.1 200 OK", head2, StringComparison.Ordinal);
        Assert.Equal(70_000, body2.Length);
    }

    [Fact]
    public async Task Options_Answers204_WithCors()
    {
        await using var responder = CeilingResponder.Start();
        using var socket = await ConnectAsync(responder);

        await SendAsync(socket, "OPTIONS /bytes/1024 HTTP/1.1\r\nHost: x\r\nOrigin: https://a.example\r\n\r\n");
        var (head, body) = await ReadResponseAsync(socket);

        Assert.StartsWith("HTTP/1.1 204", head, StringComparison.Ordinal);
        Assert.Contains("Access-Control-Allow-Origin: *", head, StringComparison.Ordinal);
        Assert.Empty(body);
    }

    [Fact]
    public async Task Post_ReadsTheWholeBodyBeforeAnswering_ThenServesTheNextRequest()
    {
        await using var responder = CeilingResponder.Start();
        using var socket = await ConnectAsync(responder);

        await SendAsync(socket, "POST /sink HTTP/1.1\r\nHost: x\r\ncontent-length: 200000\r\n\r\n");
        await socket.SendAsync(new byte[200_000], SocketFlags.None);
        await SendAsync(socket, "GET /bytes/3 HTTP/1.1\r\nHost: x\r\n\r\n");
        var (head1, body1) = await ReadResponseAsync(socket);
        var (head2, body2) = await ReadResponseAsync(socket);

        Assert.StartsWith("HTTP/1.1 200", head1, StringComparison.Ordinal);
        Assert.Equal("ok\n", Encoding.ASCII.GetString(body1));
        Assert.StartsWith("HTTP/1.1 200", head2, StringComparison.Ordinal);
        Assert.Equal(3, body2.Length);
    }

    [Fact]
    public async Task ConnectionClose_ClosesAfterTheResponse()
    {
        await using var responder = CeilingResponder.Start();
        using var socket = await ConnectAsync(responder);

        await SendAsync(socket, "GET /bytes/10 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        var (_, body) = await ReadResponseAsync(socket);
        using var timeout = new CancellationTokenSource(Bound);

        Assert.Equal(10, body.Length);
        Assert.Equal(0, await socket.ReceiveAsync(new byte[16], SocketFlags.None, timeout.Token));
    }

    [Fact]
    public async Task UnknownPath_Is404()
    {
        await using var responder = CeilingResponder.Start();
        using var socket = await ConnectAsync(responder);

        await SendAsync(socket, "GET /drip HTTP/1.1\r\nHost: x\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 404", (await ReadResponseAsync(socket)).Head, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ScenarioNames.SmallGet, true)]
    [InlineData(ScenarioNames.Reuse, true)]
    [InlineData(ScenarioNames.LargeDownload, true)]
    [InlineData(ScenarioNames.Upload, true)]
    [InlineData(ScenarioNames.Preflight, true)]
    [InlineData(ScenarioNames.ConnectionClose, true)]
    [InlineData(ScenarioNames.Drip, false)]
    [InlineData(ScenarioNames.SlowUpstream, false)]
    [InlineData(ScenarioNames.Sse, false)]
    [InlineData(ScenarioNames.HttpsUpstream, false)]
    [InlineData(ScenarioNames.Errors, false)]
    public void Covers_ScenariosTheResponderCanAnswer(string name, bool covered)
    {
        Assert.True(ScenarioCatalog.TryGet(name, out var scenario));
        Assert.Equal(covered, LoadClientCeiling.Covers(scenario));
    }

    [Theory]
    [InlineData(ScenarioNames.Reuse)]
    [InlineData(ScenarioNames.Preflight)]
    [InlineData(ScenarioNames.Upload)]
    public async Task Measure_EveryRequestSucceeds_AndIsNamedTheCeiling(string name)
    {
        Assert.True(ScenarioCatalog.TryGet(name, out var scenario));
        var model = new LoadModel { Kind = LoadModelKind.Concurrency, Concurrency = 2, Warmup = TimeSpan.Zero, Duration = TimeSpan.FromSeconds(10), MaxRequests = 20 };

        var ceiling = await LoadClientCeiling.MeasureAsync(scenario, model, 0, null, CancellationToken.None);

        Assert.Equal(LoadClientCeiling.TargetName, ceiling.Target);
        Assert.Equal(name, ceiling.Scenario);
        Assert.Equal(20, ceiling.Requests);
        Assert.DoesNotContain(ceiling.Errors, error => error.Value > 0);
        Assert.Equal(20, ceiling.Latency.Count);
    }

    [Fact]
    public async Task Measure_ScenarioItCannotAnswer_Throws()
    {
        Assert.True(ScenarioCatalog.TryGet(ScenarioNames.Drip, out var drip));

        await Assert.ThrowsAsync<ArgumentException>(() => LoadClientCeiling.MeasureAsync(drip, drip.Quick!, 0, null, CancellationToken.None));
    }

    private static async Task<Socket> ConnectAsync(CeilingResponder responder)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(responder.BaseUrl.Host, responder.BaseUrl.Port);
        return socket;
    }

    private static Task<int> SendAsync(Socket socket, string text) => socket.SendAsync(Encoding.ASCII.GetBytes(text), SocketFlags.None);

    /// <summary>One response: reads byte by byte to the head's end, then exactly Content-Length bytes.</summary>
    private static async Task<(string Head, byte[] Body)> ReadResponseAsync(Socket socket)
    {
        using var timeout = new CancellationTokenSource(Bound);
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            Assert.Equal(1, await socket.ReceiveAsync(one, SocketFlags.None, timeout.Token));
            head.Append((char)one[0]);
        }

        var text = head.ToString();
        var lengthLine = text.Split("\r\n").First(line => line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
        var body = new byte[int.Parse(lengthLine["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture)];
        for (var filled = 0; filled < body.Length;)
        {
            var read = await socket.ReceiveAsync(body.AsMemory(filled), SocketFlags.None, timeout.Token);
            Assert.True(read > 0, "closed mid-body");
            filled += read;
        }

        return (text, body);
    }
}
