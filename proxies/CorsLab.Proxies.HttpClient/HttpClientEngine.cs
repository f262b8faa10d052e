using CorsLab.Proxies.Core;
using CorsLab.Proxies.Core.Faults;
using CorsLab.Proxies.Core.Hosting;
using CorsLab.Proxies.Core.Upstream;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CorsLab.Proxies.HttpClient;

/// <summary>The obvious ASP.NET port: Kestrel in front, one shared <see cref="System.Net.Http.HttpClient"/> behind.</summary>
public sealed class HttpClientEngine : IProxyEngine
{
    internal const string EngineName = "httpclient";

    public string Name => EngineName;

    public Fault SupportedFaults => Fault.BufferResponse | Fault.BufferRequest | Fault.Nagle | Fault.NoPooling | Fault.AddedLatency
        | Fault.NagleAccepted | Fault.RelayConnectionClose | Fault.HoldContinue | Fault.PoolLimit | Fault.NoTimeout | Fault.CpuTax | Fault.NoStaleCheck
        | Fault.DnsPerRequest | Fault.SyncOverAsync | Fault.AllocPerChunk | Fault.GlobalLock;

    public async Task RunAsync(ProxyOptions options, Action<Uri> listening, CancellationToken stopping)
    {
        ArgumentNullException.ThrowIfNull(options);
        using var client = new System.Net.Http.HttpClient(UpstreamHandlerFactory.CreateStreaming(options))
        {
            // Streams may run for minutes; the per-phase timeouts in ProxyLimits bound each wait instead.
            Timeout = Timeout.InfiniteTimeSpan,
        };
        await KestrelProxyHost.RunAsync(options, Name, services => new HttpClientForwarder(client, options, services.GetRequiredService<ILogger<HttpClientEngine>>()), null, listening, stopping);
    }
}
