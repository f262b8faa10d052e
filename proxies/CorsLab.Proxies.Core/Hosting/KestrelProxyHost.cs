using System.Diagnostics.Metrics;
using System.Net.Sockets;
using CorsLab.Protocol;
using CorsLab.Proxies.Core.Faults;
using CorsLab.Proxies.Core.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CorsLab.Proxies.Core.Hosting;

/// <summary>
/// Hosts a Kestrel-based engine: limits and Nagle from the options, the contract in front, one forwarder behind.
/// Logging and the meter belong to the host's container, so both end with the run.
/// </summary>
public static class KestrelProxyHost
{
    /// <summary>In-flight requests get this long to finish on stop; a lab run must not hang on a stuck stream.</summary>
    private static readonly TimeSpan ShutdownGrace = TimeSpan.FromSeconds(3);

    private const string HostCategory = "Microsoft.Extensions.Hosting.Internal.Host";

    /// <summary>
    /// Kestrel's switch that makes a bare LF in the request line or a header line a 400, as RFC 9112 §2.2 allows and the
    /// `pipelines` engine does; by default Kestrel accepts LF alone as a line end, which a front proxy that splits lines
    /// only on CRLF would read differently.
    /// </summary>
    private const string DisableLineFeedTerminatorsSwitch = "Microsoft.AspNetCore.Server.Kestrel.DisableHttp1LineFeedTerminators";

    public static async Task RunAsync(
        ProxyOptions options,
        string engineName,
        Func<IServiceProvider, IRequestForwarder> createForwarder,
        Action<IServiceCollection>? addServices,
        Action<Uri> listening,
        CancellationToken stopping)
    {
        // Kestrel reads the switch once per server (KestrelServerOptions, when the server and its parser are created), so it is
        // set before the host exists. It is process-wide: every Kestrel server this process starts afterwards rejects bare LF
        // too, which is what every engine here wants (the lab runs one engine per process).
        AppContext.SetSwitch(DisableLineFeedTerminatorsSwitch, true);
        var builder = WebApplication.CreateSlimBuilder();
        ProxyLogging.Configure(builder.Logging, options);

        // The host logs its start and stop failures, then throws them to our caller, which reports them (a busy port
        // is one usage line): logged too, they would come twice.
        builder.Logging.AddFilter(HostCategory, LogLevel.None);
        if (options.MeterFactory is { } meterFactory)
        {
            // Kestrel's and ASP.NET Core's own meters come from the same factory as ours.
            builder.Services.AddSingleton(meterFactory);
        }

        builder.WebHost.UseUrls(options.Urls);
        builder.WebHost.UseSockets(sockets =>
        {
            sockets.NoDelay = !options.ClientNagle;

            // Faults nagle and nagle-accepted: Kestrel's socket sender drains its pipe on an IO thread, so a head flushed just before the
            // body usually leaves in the same send() and Nagle never bites. Inline scheduling makes every flush its own
            // send(), as in a naive server: the head goes, and the body's small segment waits for the client's ACK.
            sockets.UnsafePreferInlineScheduling = options.ClientNagle;
        });
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestHeadersTotalSize = options.Limits.MaxRequestHeaderBytes;
            kestrel.Limits.MaxRequestLineSize = options.Limits.MaxRequestLineBytes;
            // Over the cap Kestrel closes a new connection at once; under it the process keeps descriptors to spare.
            kestrel.Limits.MaxConcurrentConnections = options.Limits.MaxConnections;
            // Bodies stream through; a proxy has no business capping them at Kestrel's 30 MB default.
            kestrel.Limits.MaxRequestBodySize = null;
            kestrel.Limits.MinRequestBodyDataRate = null;
            kestrel.Limits.MinResponseDataRate = null;
        });
        // Ctrl+C and SIGTERM belong to the command that hosts the engine; it stops us through `stopping`.
        builder.Services.AddSingleton<IHostLifetime, CommandLifetime>();
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = ShutdownGrace);
        addServices?.Invoke(builder.Services);

        await using var app = builder.Build();
        using var metrics = new ProxyMetrics(app.Services.GetRequiredService<IMeterFactory>());
        var frontEnd = new ContractFrontEnd(createForwarder(app.Services), engineName, metrics);
        app.Run(frontEnd.HandleAsync);

        try
        {
            await app.StartAsync(stopping);
        }
        catch (IOException error) when (error.InnerException is AddressInUseException or SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse })
        {
            var uri = new Uri(options.Urls.Split(';')[0]);
            throw new PortInUseException(options.Urls, uri.Port, error);
        }

        var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        listening(new Uri(addresses.Addresses.First()));
        try
        {
            await Task.Delay(Timeout.Infinite, stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }

        await app.StopAsync(CancellationToken.None);
    }
}
