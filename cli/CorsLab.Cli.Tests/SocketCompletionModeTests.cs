using CorsLab.Components;
using CorsLab.Load.Resources;

namespace CorsLab.Cli.Tests;

/// <summary>
/// <c>corslab proxy</c> puts each engine's process in the socket completion mode the engine asks for: pipelines runs
/// its requests on the runtime's socket event threads, the Kestrel engines on the thread pool, and a mode already in
/// the environment wins. Read from the engine process's own threads: where its CPU went (scheduler time per thread,
/// by the names the runtime gives them) over a thousand proxied requests.
/// </summary>
[Collection(LabRunsCollection.Name)]
public sealed class SocketCompletionModeTests
{
    private const int Requests = 1000;

    /// <summary>Large enough that sends wait for the client to read, so global-lock's flushes really block.</summary>
    private const int BlockingFaultBody = 10 * 1024 * 1024;

    private const int BlockingFaultConnections = 4;

    private const int BlockingFaultRequestsEach = 2;

    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("pipelines", null, true)]
    [InlineData("pipelines", "0", false)]
    [InlineData("yarp", null, false)]
    public async Task Proxy_RunsRequestsWhereItsEngineAsks(string engine, string? inlineVariable, bool onSocketThreads)
    {
        using var bound = new CancellationTokenSource(Bound);
        await using var origin = await LabComponents.StartOriginAsync(bound.Token);
        var environment = inlineVariable is null
            ? null
            : new Dictionary<string, string> { ["DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS"] = inlineVariable };
        await using var proxy = await LabComponents.StartEngineAsync(engine, origin, [], bound.Token, environment: environment);
        var target = $"{proxy.Url.GetLeftPart(UriPartial.Authority)}/?url={Uri.EscapeDataString(new Uri(origin.HttpUrl, "/bytes/1024").ToString())}";

        var before = ProcessCpuSnapshot.Take(proxy.Process.ProcessId)!;
        using var client = new HttpClient();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            for (var i = 0; i < Requests / 4; i++)
            {
                using var response = await client.GetAsync(target, bound.Token);
                Assert.Equal(200, (int)response.StatusCode);
                await response.Content.ReadAsByteArrayAsync(bound.Token);
            }
        }));
        var spent = ProcessCpuSnapshot.Take(proxy.Process.ProcessId)!.SinceByThreadName(before);

        var sockets = spent.GetValueOrDefault(RuntimeThreadNames.SocketEvents);
        var pool = spent.GetValueOrDefault(RuntimeThreadNames.ThreadPool);
        var where = $"{engine}: {RuntimeThreadNames.SocketEvents} {sockets.TotalMilliseconds:0.0} ms, {RuntimeThreadNames.ThreadPool} {pool.TotalMilliseconds:0.0} ms over {Requests} requests";
        Assert.True(onSocketThreads ? sockets > pool : pool > sockets, where);
    }

    /// <summary>
    /// The faults that block a thread do it off the socket event threads: blocked on one, a request could hold the very
    /// completion it waits for (its upstream's answer, its client's send), and every connection served there with it.
    /// Without the move, sync-over-async hangs here at once; global-lock stalls only under the heavier load of the
    /// diagnose self-check (<c>FaultMatrixTests</c>, large-download), which is where that case is held.
    /// </summary>
    [Theory]
    [InlineData("sync-over-async")]
    [InlineData("global-lock")]
    public async Task Pipelines_BlockingFault_AnswersEveryRequest(string fault)
    {
        using var bound = new CancellationTokenSource(Bound);
        await using var origin = await LabComponents.StartOriginAsync(bound.Token);
        await using var proxy = await LabComponents.StartEngineAsync("pipelines", origin, [fault], bound.Token);
        var target = $"{proxy.Url.GetLeftPart(UriPartial.Authority)}/?url={Uri.EscapeDataString(new Uri(origin.HttpUrl, $"/bytes/{BlockingFaultBody}").ToString())}";

        // Many connections at once, so that one connection's copy meets the lock while another's send waits.
        using var client = new HttpClient();
        var lengths = await Task.WhenAll(Enumerable.Range(0, BlockingFaultConnections).Select(async _ =>
        {
            var received = new List<int>();
            for (var i = 0; i < BlockingFaultRequestsEach; i++)
            {
                using var response = await client.GetAsync(target, HttpCompletionOption.ResponseHeadersRead, bound.Token);
                Assert.Equal(200, (int)response.StatusCode);
                received.Add(await ReadSlowlyAsync(await response.Content.ReadAsStreamAsync(bound.Token), bound.Token));
            }

            return received;
        }));

        Assert.All(lengths.SelectMany(each => each), length => Assert.Equal(BlockingFaultBody, length));
    }

    /// <summary>Reads a body with a pause every 256 KB, so the proxy's sends to this client fill its socket and wait.</summary>
    private static async Task<int> ReadSlowlyAsync(Stream body, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        var total = 0;
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            var before = total;
            total += read;
            if (total / (256 * 1024) != before / (256 * 1024))
            {
                await Task.Delay(1, cancellationToken);
            }
        }

        return total;
    }
}
