using CorsLab.Proxies.Core;
using CorsLab.Proxies.Core.Faults;
using CorsLab.Proxies.Pipelines.Forwarding;
using CorsLab.Proxies.Pipelines.Server;
using CorsLab.Proxies.Pipelines.Upstream;

namespace CorsLab.Proxies.Pipelines;

/// <summary>
/// HTTP/1.1 end to end on sockets and <c>System.IO.Pipelines</c>: its own server (accept loop, parser,
/// framing) and its own upstream client (pool, DNS cache, TLS); no Kestrel HTTP layer, no HttpClient.
/// The contract (routes, messages, CORS, url parsing, policy, limits) is Core's.
/// </summary>
public sealed class PipelinesEngine : IProxyEngine
{
    private readonly PipelinesSettings _settings;

    public PipelinesEngine()
        : this(new PipelinesSettings())
    {
    }

    internal PipelinesEngine(PipelinesSettings settings) => _settings = settings;

    public string Name => "pipelines";

    public Fault SupportedFaults =>
        Fault.BufferResponse | Fault.BufferRequest | Fault.Nagle | Fault.NoPooling | Fault.DnsPerRequest
        | Fault.SyncOverAsync | Fault.AllocPerChunk | Fault.GlobalLock;

    public async Task RunAsync(ProxyOptions options, Action<Uri> listening, CancellationToken stopping)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(listening);
        using var pool = new UpstreamPool(_settings.UpstreamIdleTimeout, TimeProvider.System);
        var dialer = new UpstreamDialer(options, _settings, new DnsCache(_settings.DnsTtl, TimeProvider.System));
        var forwarder = new Forwarder(options, _settings, pool, dialer, Name);
        using var listener = ConnectionListener.Bind(options, _settings);
        listening(listener.Url);
        await listener.RunAsync(forwarder, Name, stopping);
    }
}
