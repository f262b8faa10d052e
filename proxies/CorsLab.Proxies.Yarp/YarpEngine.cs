using CorsLab.Proxies.Core;
using CorsLab.Proxies.Core.Faults;
using CorsLab.Proxies.Core.Hosting;
using CorsLab.Proxies.Core.Upstream;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Forwarder;

namespace CorsLab.Proxies.Yarp;

/// <summary>The production-grade .NET forwarder: Kestrel in front, YARP's <see cref="IHttpForwarder"/> behind, no config-file routes.</summary>
public sealed class YarpEngine : IProxyEngine
{
    /// <summary>YARP's forwarder logs every failed forward here (event 48), at Warning, with the exception.</summary>
    private const string ForwarderCategory = "Yarp.ReverseProxy.Forwarder.HttpForwarder";

    internal const string EngineName = "yarp";

    public string Name => EngineName;

    public Fault SupportedFaults => Fault.BufferResponse | Fault.BufferRequest | Fault.NoPooling | Fault.Nagle | Fault.AddedLatency
        | Fault.NagleAccepted | Fault.RelayConnectionClose | Fault.HoldContinue | Fault.PoolLimit | Fault.NoTimeout | Fault.CpuTax | Fault.NoStaleCheck
        | Fault.DnsPerRequest | Fault.SyncOverAsync | Fault.AllocPerChunk | Fault.GlobalLock;

    public async Task RunAsync(ProxyOptions options, Action<Uri> listening, CancellationToken stopping)
    {
        ArgumentNullException.ThrowIfNull(options);

        // One invoker for the process, as YARP recommends: a pool per host, policy-checked connects, the pooling and Nagle faults.
        // HttpMessageInvoker, not HttpClient: HttpClient's SendAsync would buffer responses (dotnet/yarp#458).
        using var invoker = new HttpMessageInvoker(UpstreamHandlerFactory.CreateStreaming(options), disposeHandler: true);
        await KestrelProxyHost.RunAsync(
            options,
            Name,
            services => new YarpForwarder(
                services.GetRequiredService<IHttpForwarder>(), invoker, options, services.GetRequiredService<ILogger<YarpEngine>>()),
            services =>
            {
                services.AddHttpForwarder();
                services.Configure<LoggerFilterOptions>(filters => filters.AddFilter(ForwarderCategory, level => level >= ForwarderThreshold(options.LogLevel)));
            },
            listening,
            stopping);
    }

    // YARP's Warning is the detail behind our ForwardFailed (Information): at the default level it would flood stderr
    // whenever a scenario fails on purpose, so it shows from Information on, like ForwardFailed; Error and above always.
    private static LogLevel ForwarderThreshold(LogLevel level) =>
        level <= LogLevel.Information ? level : (LogLevel)Math.Max((int)level, (int)LogLevel.Error);
}
