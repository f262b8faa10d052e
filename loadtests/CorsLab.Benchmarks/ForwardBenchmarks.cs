using BenchmarkDotNet.Attributes;
using CorsLab.Proxies.Core;
using CorsLab.Proxies.HttpClient;
using CorsLab.Proxies.Pipelines;
using CorsLab.Proxies.Yarp;

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

    private FixedUpstream? upstream;
    private CancellationTokenSource? stop;
    private Task? running;
    private LoopbackClient? client;

    [Params("httpclient", "yarp", "pipelines")]
    public string Engine { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        upstream = new FixedUpstream(BodyBytes);
        stop = new CancellationTokenSource();
        var listening = new TaskCompletionSource<Uri>();
        running = Create(Engine).RunAsync(new ProxyOptions(), url => listening.SetResult(url), stop.Token);
        var proxy = listening.Task.WaitAsync(TimeSpan.FromSeconds(30)).GetAwaiter().GetResult();
        var target = Uri.EscapeDataString($"http://127.0.0.1:{upstream.Port}/bytes/{BodyBytes}");
        client = new LoopbackClient(proxy.Port, $"/?url={target}");
    }

    [Benchmark]
    public int ProxiedGet1K() => client!.Get();

    [GlobalCleanup]
    public void Cleanup()
    {
        client?.Dispose();
        stop?.Cancel();
        running?.Wait(TimeSpan.FromSeconds(10));
        upstream?.Dispose();
    }

    private static IProxyEngine Create(string name) => name switch
    {
        "httpclient" => new HttpClientEngine(),
        "yarp" => new YarpEngine(),
        "pipelines" => new PipelinesEngine(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown engine"),
    };
}
