using System.Net.Sockets;
using CorsLab.Proxies.Core.Upstream;

namespace CorsLab.Proxies.Core.Faults;

/// <summary>
/// The faults only a look inside the process can name (dns-per-request, sync-over-async, alloc-per-chunk,
/// global-lock), done for real around the upstream call of the Kestrel engines, as the pipelines engine does them in
/// its forwarder. From the wire they show only as cost; EventPipe shows their cause (DESIGN.md "Faults").
/// </summary>
public sealed class WhiteBoxFaultHandler : DelegatingHandler
{
    private const Fault Handled = Fault.DnsPerRequest | Fault.SyncOverAsync | Fault.AllocPerChunk | Fault.GlobalLock;

    private readonly bool _dnsPerRequest;
    private readonly bool _syncOverAsync;
    private readonly bool _allocPerChunk;

    /// <summary>One lock for every connection of this engine: the process has one engine.</summary>
    private readonly Lock? _globalLock;

    public WhiteBoxFaultHandler(HttpMessageHandler inner, ProxyOptions options)
        : base(inner)
    {
        ArgumentNullException.ThrowIfNull(options);
        _dnsPerRequest = options.Has(Fault.DnsPerRequest);
        _syncOverAsync = options.Has(Fault.SyncOverAsync);
        _allocPerChunk = options.Has(Fault.AllocPerChunk);
        _globalLock = options.Has(Fault.GlobalLock) ? new Lock() : null;
    }

    /// <summary>Whether <paramref name="options"/> asks for any fault this handler does.</summary>
    public static bool AppliesTo(ProxyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return (options.Faults & Handled) != 0;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (_syncOverAsync)
        {
            // sync-over-async fault: the calling thread-pool thread blocks until the upstream's head is in.
            return Task.FromResult(SendCoreAsync(request, cancellationToken).GetAwaiter().GetResult());
        }

        return SendCoreAsync(request, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendCoreAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (_dnsPerRequest && request.RequestUri is { HostNameType: UriHostNameType.Dns } target)
        {
            await ResolveAsync(target.IdnHost, cancellationToken);
        }

        var response = await base.SendAsync(request, cancellationToken);
        if (_allocPerChunk || _globalLock is not null)
        {
            response.Content = new PieceCopyContent(response.Content, _allocPerChunk, _globalLock);
        }

        return response;
    }

    /// <summary>
    /// dns-per-request fault: the name is looked up on every request, past the connection pool that would otherwise
    /// resolve it once per connection. The addresses are not used: the cost and the lookup are the fault.
    /// </summary>
    private static async Task ResolveAsync(string host, CancellationToken cancellationToken)
    {
        try
        {
            await NameResolution.ResolveAsync(host, cancellationToken);
        }
        catch (SocketException error)
        {
            throw new HttpRequestException(HttpRequestError.NameResolutionError, $"{host}: {error.Message}", error);
        }
    }
}
