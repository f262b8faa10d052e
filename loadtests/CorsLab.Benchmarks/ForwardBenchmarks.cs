using BenchmarkDotNet.Attributes;
using CorsLab.Proxies.Catalog;
using CorsLab.Proxies.Core;

namespace CorsLab.Benchmarks;

/// <summary>
/// One proxied 1 KB GET per operation, in process, over loopback sockets: the engine between a client and an
/// upstream that both allocate nothing per request, so MemoryDiagnoser's bytes per operation are the engine's.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class ForwardBenchmarks
{
    private const int BodyBytes = 1024;

    private FixedUpstream? _upstream;
    private CancellationTokenSource? _stop;
    private Task? _running;
    private LoopbackClient? _client;
    private LoopbackClient? _browser;

    /// <summary>Every engine of the catalog: a new engine is benchmarked without touching this file.</summary>
    public static IEnumerable<string> Engines => EngineCatalog.Names;

    [ParamsSource(nameof(Engines))]
    public string Engine { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _upstream = new FixedUpstream(BodyBytes);
        _stop = new CancellationTokenSource();
        var listening = new TaskCompletionSource<Uri>();
        _running = EngineCatalog.Find(Engine)!.RunAsync(new ProxyOptions(), url => listening.SetResult(url), _stop.Token);
        var proxy = listening.Task.WaitAsync(TimeSpan.FromSeconds(30)).GetAwaiter().GetResult();
        var target = Uri.EscapeDataString($"http://127.0.0.1:{_upstream.Port}/bytes/{BodyBytes}");
        _client = new LoopbackClient(proxy.Port, $"/?url={target}", []);
        _browser = new LoopbackClient(proxy.Port, $"/?url={target}", BrowserRequest.Headers);
    }

    [Benchmark]
    public int ProxiedGet1K() => _client!.Get();

    /// <summary>The same GET as a browser's fetch sends it: Origin, Accept, User-Agent, Connection: keep-alive and seven more.</summary>
    [Benchmark]
    public int ProxiedBrowserGet1K() => _browser!.Get();

    [GlobalCleanup]
    public void Cleanup()
    {
        _client?.Dispose();
        _browser?.Dispose();
        _stop?.Cancel();
        _running?.Wait(TimeSpan.FromSeconds(10));
        _upstream?.Dispose();
    }
}
