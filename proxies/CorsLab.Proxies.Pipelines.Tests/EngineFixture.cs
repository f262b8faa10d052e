using System.Net.Sockets;
using System.Text;
using CorsLab.Components;
using CorsLab.Proxies.Core;
using CorsLab.Proxies.Core.Faults;
using CorsLab.Proxies.Core.Policy;

namespace CorsLab.Proxies.Pipelines.Tests;

/// <summary>A real origin and a real engine in-process, both on 127.0.0.1:0, stopped at the end.</summary>
public sealed class EngineFixture : IAsyncLifetime
{
    public const int MaxHeaderBytes = 4 * 1024;
    public const int MaxLineBytes = 2 * 1024;

    private readonly List<RunningEngine> _engines = [];

    public OriginProcess Origin { get; private set; } = null!;

    public RunningEngine Engine { get; private set; } = null!;

    public HttpClient Client { get; } = new(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false })
    {
        Timeout = TimeSpan.FromSeconds(20),
    };

    public async Task InitializeAsync()
    {
        Origin = await LabComponents.StartOriginAsync(CancellationToken.None);
        Engine = await StartEngineAsync(Fault.None, new PipelinesSettings { RequestHeadersTimeout = TimeSpan.FromSeconds(1) });
    }

    internal async Task<RunningEngine> StartEngineAsync(Fault faults, PipelinesSettings? settings = null, int? maxConnections = null)
    {
        var options = new ProxyOptions
        {
            Faults = faults,
            Limits = new ProxyLimits
            {
                MaxRequestHeaderBytes = MaxHeaderBytes,
                MaxRequestLineBytes = MaxLineBytes,
                ResponseHeadTimeout = TimeSpan.FromSeconds(2),
            },
            Policy = new TargetPolicy([], [TargetRule.Parse("127.0.0.2")]),
            UpstreamCaPath = Origin.CertificatePath,
        };
        if (maxConnections is { } max)
        {
            options = options with { Limits = options.Limits with { MaxConnections = max } };
        }

        var engine = await RunningEngine.StartAsync(new PipelinesEngine(settings ?? new PipelinesSettings()), options);
        lock (_engines)
        {
            _engines.Add(engine);
        }

        return engine;
    }

    /// <summary>The engine URL proxying <paramref name="originPath"/> of the http origin.</summary>
    public Uri ProxyUrl(string originPath, RunningEngine? engine = null) =>
        new((engine ?? Engine).Url, "/?url=" + Uri.EscapeDataString(new Uri(Origin.HttpUrl, originPath).AbsoluteUri));

    public string ProxyTarget(string originPath) => "/?url=" + Uri.EscapeDataString(new Uri(Origin.HttpUrl, originPath).AbsoluteUri);

    public async Task DisposeAsync()
    {
        foreach (var engine in _engines)
        {
            await engine.DisposeAsync();
        }

        await Origin.DisposeAsync();
        Client.Dispose();
    }
}

/// <summary>One engine's RunAsync on a background task; disposing stops it and awaits it.</summary>
public sealed class RunningEngine : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task _running = Task.CompletedTask;
    private int _disposed;

    public Uri Url { get; private set; } = null!;

    internal static async Task<RunningEngine> StartAsync(PipelinesEngine engine, ProxyOptions options)
    {
        var running = new RunningEngine();
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        running._running = engine.RunAsync(options, listening.SetResult, running._stop.Token);
        var first = await Task.WhenAny(listening.Task, running._running).WaitAsync(TimeSpan.FromSeconds(10));
        if (first == running._running)
        {
            await running._running;
        }

        running.Url = await listening.Task;
        return running;
    }

    /// <summary>Idempotent: a test's own <c>await using</c> and the fixture's cleanup both dispose it.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stop.CancelAsync();
        await _running.WaitAsync(TimeSpan.FromSeconds(10));
        _stop.Dispose();
    }

    /// <summary>A raw TCP connection to the engine.</summary>
    public async Task<RawConnection> ConnectAsync()
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(Url.Host, Url.Port);
        return new RawConnection(socket);
    }
}

/// <summary>Exact bytes out, bytes back: for rules HttpClient would never let us break.</summary>
public sealed class RawConnection(Socket socket) : IDisposable
{
    private static readonly TimeSpan ExchangeTimeout = TimeSpan.FromSeconds(10);

    public Task SendAsync(string ascii) => SendAsync(Encoding.Latin1.GetBytes(ascii));

    public async Task SendAsync(byte[] bytes) => await socket.SendAsync(bytes, SocketFlags.None);

    /// <summary>Everything until the engine closes the connection (throws on reset or after 10 s).</summary>
    public async Task<string> ReadToEndAsync()
    {
        using var timeout = new CancellationTokenSource(ExchangeTimeout);
        var received = new MemoryStream();
        var buffer = new byte[16 * 1024];
        while (true)
        {
            var read = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
            if (read == 0)
            {
                return Encoding.Latin1.GetString(received.ToArray());
            }

            received.Write(buffer, 0, read);
        }
    }

    /// <summary>Reads until <paramref name="count"/> complete responses arrived (Content-Length framed) and returns them.</summary>
    public async Task<string> ReadUntilAsync(string marker, int occurrences)
    {
        using var timeout = new CancellationTokenSource(ExchangeTimeout);
        var text = new StringBuilder();
        var buffer = new byte[16 * 1024];
        while (CountOf(text.ToString(), marker) < occurrences)
        {
            var read = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
            if (read == 0)
            {
                break;
            }

            text.Append(Encoding.Latin1.GetString(buffer, 0, read));
        }

        return text.ToString();
    }

    public void Dispose() => socket.Dispose();

    private static int CountOf(string text, string marker)
    {
        var count = 0;
        for (var at = text.IndexOf(marker, StringComparison.Ordinal); at >= 0; at = text.IndexOf(marker, at + marker.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
