using System.Net;
using System.Net.Sockets;

namespace CorsLab.Load.Engine;

/// <summary>Where a phase's connections go: one address (resolved once, before the phase) and whether TLS.</summary>
internal sealed record LoadEndpoint(IPEndPoint Address, bool Tls, string Host)
{
    public static async Task<LoadEndpoint> ResolveAsync(Uri url, CancellationToken cancellationToken)
    {
        var port = url.Port;
        if (!IPAddress.TryParse(url.IdnHost.Trim('[', ']'), out var address))
        {
            var addresses = await Dns.GetHostAddressesAsync(url.IdnHost, cancellationToken);
            address = addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) ?? addresses.FirstOrDefault()
                ?? throw new InvalidOperationException($"{url.IdnHost} has no address");
        }

        return new LoadEndpoint(new IPEndPoint(address, port), url.Scheme == Uri.UriSchemeHttps, url.IdnHost);
    }

    /// <summary>Every request of a phase must reach the same endpoint: one pool of connections.</summary>
    public static bool SameEndpoint(Uri a, Uri b) =>
        a.Scheme == b.Scheme && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase) && a.Port == b.Port;
}
