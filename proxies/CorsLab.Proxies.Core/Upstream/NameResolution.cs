using System.Net;
using System.Net.Sockets;

namespace CorsLab.Proxies.Core.Upstream;

/// <summary>
/// Name lookups for every engine: a name the resolver refuses outright (longer than 255 characters, say) fails
/// as a lookup failure, so it becomes the contract's 502 like any unknown name instead of an unexpected exception.
/// </summary>
public static class NameResolution
{
    public static async ValueTask<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        try
        {
            return await Dns.GetHostAddressesAsync(host, cancellationToken);
        }
        catch (ArgumentException error)
        {
            throw new SocketException((int)SocketError.HostNotFound, $"{error.Message} ({host.Length} characters)");
        }
    }
}
