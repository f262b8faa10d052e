namespace CorsLab.Proxies.Core.Tests.WireFaults;

/// <summary>One engine running in this process on 127.0.0.1 until disposed.</summary>
internal sealed class RunningEngine : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop;
    private readonly Task _running;

    private RunningEngine(Task running, Uri url, CancellationTokenSource stop)
    {
        _running = running;
        Url = url;
        _stop = stop;
    }

    public Uri Url { get; }

    public static async Task<RunningEngine> StartAsync(string engine, ProxyOptions options)
    {
        var stop = new CancellationTokenSource();
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = TestEngines.Create(engine).RunAsync(options, listening.SetResult, stop.Token);
        return new RunningEngine(running, await listening.Task.WaitAsync(TimeSpan.FromSeconds(20)), stop);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _running.WaitAsync(TimeSpan.FromSeconds(20));
        _stop.Dispose();
    }
}
