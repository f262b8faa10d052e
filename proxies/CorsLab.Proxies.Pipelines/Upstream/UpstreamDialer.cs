using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using CorsLab.Proxies.Core;
using CorsLab.Proxies.Core.Faults;
using CorsLab.Proxies.Core.Upstream;

namespace CorsLab.Proxies.Pipelines.Upstream;

/// <summary>
/// Opens new upstream connections: names through the <see cref="DnsCache"/> (or freshly resolved addresses),
/// connected through Core's <see cref="UpstreamConnector"/>, which applies the target policy to each address
/// before it connects. Then TLS with Core's <see cref="UpstreamTrust"/> for https.
/// </summary>
internal sealed class UpstreamDialer
{
    private static readonly List<SslApplicationProtocol> Http11Only = [SslApplicationProtocol.Http11];

    private readonly ProxyOptions _options;
    private readonly PipelinesSettings _settings;
    private readonly DnsCache _dns;
    private readonly UpstreamConnector _connector;
    private readonly RemoteCertificateValidationCallback? _validator;

    public UpstreamDialer(ProxyOptions options, PipelinesSettings settings, DnsCache dns)
    {
        _options = options;
        _settings = settings;
        _dns = dns;
        _connector = new UpstreamConnector(options.Policy, noDelay: !options.Has(Fault.Nagle), options.Limits.MaxConnections);
        _validator = UpstreamTrust.CreateValidator(options.UpstreamCaPath);
    }

    /// <param name="resolved">Addresses resolved for this very request (dns-per-request fault); null uses the cache.</param>
    public async ValueTask<UpstreamConnection> ConnectAsync(PoolKey key, IPAddress[]? resolved, CancellationToken cancellationToken)
    {
        var socket = key.IsAddressLiteral
            ? await _connector.ConnectSocketAsync(key.Host, key.Port, cancellationToken)
            : await _connector.ConnectSocketAsync(key.Host, resolved ?? await _dns.ResolveAsync(key.Host, cancellationToken), key.Port, cancellationToken);

        if (!key.Https)
        {
            return new UpstreamConnection(key, socket, tls: null, _settings);
        }

        // TLS needs a stream under it; plain http goes without one (no NetworkStream on the path).
        var tls = new SslStream(new NetworkStream(socket, ownsSocket: false), leaveInnerStreamOpen: false);
        try
        {
            await tls.AuthenticateAsClientAsync(
                new SslClientAuthenticationOptions
                {
                    TargetHost = key.BareHost,
                    RemoteCertificateValidationCallback = _validator,
                    ApplicationProtocols = Http11Only,
                },
                cancellationToken);
        }
        catch
        {
            await tls.DisposeAsync();
            socket.Dispose();
            throw;
        }

        return new UpstreamConnection(key, socket, tls, _settings);
    }
}
