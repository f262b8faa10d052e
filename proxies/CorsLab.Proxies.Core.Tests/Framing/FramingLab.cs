namespace CorsLab.Proxies.Core.Tests.Framing;

/// <summary>The three engines in-process on 127.0.0.1, each in front of one <see cref="RecordingUpstream"/>; stopped at the end.</summary>
public sealed class FramingLab : IAsyncLifetime
{
    /// <summary>A request wrongly forwarded to a held path ends in a 504 after this, not a hung test.</summary>
    private static readonly TimeSpan ResponseHeadTimeout = TimeSpan.FromSeconds(2);

    private readonly Dictionary<string, RunningEngine> _engines = new(StringComparer.Ordinal);

    public RecordingUpstream Upstream { get; } = new();

    public Uri EngineUrl(string engine) => _engines[engine].Url;

    /// <summary>The proxy's request-target for <paramref name="path"/> on the upstream.</summary>
    public string Target(string path) => "/?url=" + Uri.EscapeDataString(new Uri(Upstream.Url, path).AbsoluteUri);

    public async Task InitializeAsync()
    {
        var options = new ProxyOptions { Limits = new ProxyLimits { ResponseHeadTimeout = ResponseHeadTimeout } };
        foreach (var name in TestEngines.All)
        {
            _engines[name] = await RunningEngine.StartAsync(TestEngines.Create(name), options);
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var engine in _engines.Values)
        {
            await engine.StopAsync();
        }

        await Upstream.DisposeAsync();
    }

    private sealed class RunningEngine(Uri url, CancellationTokenSource stop, Task running)
    {
        public Uri Url => url;

        public static async Task<RunningEngine> StartAsync(IProxyEngine engine, ProxyOptions options)
        {
            var stop = new CancellationTokenSource();
            var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
            var running = engine.RunAsync(options, listening.SetResult, stop.Token);
            if (await Task.WhenAny(listening.Task, running).WaitAsync(TimeSpan.FromSeconds(10)) == running)
            {
                await running; // surfaces the start failure
            }

            return new RunningEngine(await listening.Task, stop, running);
        }

        public async Task StopAsync()
        {
            await stop.CancelAsync();
            await running.WaitAsync(TimeSpan.FromSeconds(20));
            stop.Dispose();
        }
    }
}
