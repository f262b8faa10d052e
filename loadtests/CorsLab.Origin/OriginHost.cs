using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using CorsLab.Origin.Hosting;
using CorsLab.Origin.Timing;
using CorsLab.Protocol;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CorsLab.Origin;

/// <summary>
/// A running origin: Kestrel on 127.0.0.1 with an http and (optionally) an https listener, every endpoint of
/// README.md, and timing capture for requests carrying <c>x-corslab-id</c>. Dispose to stop it.
/// </summary>
public sealed class OriginHost : IAsyncDisposable
{
    /// <summary>How long a stop waits for in-flight requests (a drip, a slow head) before aborting them.</summary>
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(5);

    private readonly WebApplication _app;
    private readonly X509Certificate2 _certificate;
    private readonly bool _ownsPem;
    private readonly Lock _stopLock = new();
    private Task? _stopped;
    private int _disposed;

    private OriginHost(WebApplication app, X509Certificate2 certificate, string pemPath, bool ownsPem, Uri httpUrl, Uri? httpsUrl, Uri? pageUrl)
    {
        _app = app;
        _certificate = certificate;
        CertificatePemPath = pemPath;
        _ownsPem = ownsPem;
        HttpUrl = httpUrl;
        HttpsUrl = httpsUrl;
        PageUrl = pageUrl;
    }

    /// <summary>The bound http URL, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri HttpUrl { get; }

    /// <summary>The bound https URL, or null when <see cref="OriginOptions.HttpsUrl"/> was null.</summary>
    public Uri? HttpsUrl { get; }

    /// <summary>The bound page listener's URL, or null when <see cref="OriginOptions.PageUrl"/> was null.</summary>
    public Uri? PageUrl { get; }

    /// <summary>The PEM of the https certificate (written even without an https listener, so the path is always valid).</summary>
    public string CertificatePemPath { get; }

    /// <summary>Binds the listeners and starts serving; a taken port throws <see cref="PortInUseException"/>.</summary>
    public static async Task<OriginHost> StartAsync(OriginOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        var ownsPem = options.CertificatePemPath is null;
        var pemPath = options.CertificatePemPath
            ?? Path.Combine(Path.GetTempPath(), $"corslab-origin-{Environment.ProcessId}-{Guid.NewGuid():N}.pem");
        var certificate = OriginCertificate.Create();
        WebApplication? app = null;
        OriginHost? host = null;
        try
        {
            OriginCertificate.WritePem(certificate, pemPath);
            ListenOptions? pageListener = null;
            app = OriginApp.Build(options, certificate, new TimingStore(options.TimingsCapacity), listen => pageListener = listen);
            await StartListeningAsync(app, options, ct);
            var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;

            // Kestrel writes each bound port back into its ListenOptions; the page listener is told apart by it, not by order.
            var pageUrl = pageListener is null ? null : new Uri($"http://127.0.0.1:{pageListener.IPEndPoint!.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
            var httpUrl = FindAddress(addresses.Where(address => pageUrl is null || new Uri(address).Port != pageUrl.Port), Uri.UriSchemeHttp)
                ?? throw new InvalidOperationException("Kestrel reported no http address.");
            var httpsUrl = options.HttpsUrl is null ? null : FindAddress(addresses, Uri.UriSchemeHttps);
            host = new OriginHost(app, certificate, pemPath, ownsPem, httpUrl, httpsUrl, pageUrl);
            return host;
        }
        finally
        {
            if (host is null)
            {
                if (app is not null)
                {
                    await app.DisposeAsync();
                }

                certificate.Dispose();
                if (ownsPem)
                {
                    File.Delete(pemPath);
                }
            }
        }
    }

    /// <summary>
    /// Completes when <paramref name="ct"/> is cancelled (then stops the origin gracefully) or when the origin
    /// is stopped by <see cref="DisposeAsync"/>. Cancellation is the normal way out: it does not throw.
    /// </summary>
    public async Task WaitForShutdownAsync(CancellationToken ct)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (ct.Register(static state => ((TaskCompletionSource)state!).TrySetResult(), done))
        using (_app.Lifetime.ApplicationStopping.Register(static state => ((TaskCompletionSource)state!).TrySetResult(), done))
        {
            await done.Task;
        }

        await StopAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await StopAsync();
        await _app.DisposeAsync();
        _certificate.Dispose();
        if (_ownsPem)
        {
            File.Delete(CertificatePemPath);
        }
    }

    private Task StopAsync()
    {
        lock (_stopLock)
        {
            return _stopped ??= StopCoreAsync();
        }
    }

    private async Task StopCoreAsync()
    {
        using var timeout = new CancellationTokenSource(StopTimeout);
        await _app.StopAsync(timeout.Token);
    }

    private static async Task StartListeningAsync(WebApplication app, OriginOptions options, CancellationToken ct)
    {
        try
        {
            await app.StartAsync(ct);
        }
        catch (IOException error) when (error.InnerException is AddressInUseException or SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse })
        {
            var (address, port) = BusyListener(options, error.Message);
            throw new PortInUseException(address, port, error);
        }
    }

    /// <summary>Which configured listener failed: Kestrel's message names the address it could not bind.</summary>
    private static (string Address, int Port) BusyListener(OriginOptions options, string message)
    {
        var httpPort = LoopbackUrl.Port(options.HttpUrl);
        if (options.PageUrl is { } pageUrl && LoopbackUrl.Port(pageUrl) is var pagePort and not 0
            && (httpPort == 0 || message.Contains($"http://127.0.0.1:{pagePort}", StringComparison.Ordinal)))
        {
            return (pageUrl, pagePort);
        }

        if (options.HttpsUrl is { } httpsUrl)
        {
            var httpsPort = LoopbackUrl.Port(httpsUrl);
            if (httpsPort != 0 && (httpPort == 0 || message.Contains($"https://127.0.0.1:{httpsPort}", StringComparison.Ordinal)))
            {
                return (httpsUrl, httpsPort);
            }
        }

        return (options.HttpUrl, httpPort);
    }

    private static Uri? FindAddress(IEnumerable<string> addresses, string scheme)
    {
        foreach (var address in addresses)
        {
            var uri = new Uri(address);
            if (uri.Scheme == scheme)
            {
                return uri;
            }
        }

        return null;
    }
}
