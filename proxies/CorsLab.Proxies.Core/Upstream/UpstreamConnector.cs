using System.Net;
using System.Net.Sockets;
using CorsLab.Proxies.Core.Policy;

namespace CorsLab.Proxies.Core.Upstream;

/// <summary>
/// Opens upstream TCP connections for <see cref="SocketsHttpHandler"/> and the pipelines engine: resolves the name,
/// applies the target policy to each address actually about to be connected, and sets Nagle as configured. Open
/// sockets are capped at <c>maxSockets</c>: a connect waits for a slot (within the caller's connect timeout), so
/// many slow upstreams cannot exhaust the process's descriptors.
/// </summary>
public sealed class UpstreamConnector(TargetPolicy policy, bool noDelay, int maxSockets)
{
    // Never disposed: sockets still pooled when the engine stops give their slots back after it; SemaphoreSlim holds no
    // kernel handle unless AvailableWaitHandle is asked for.
    private readonly SemaphoreSlim _budget = new(maxSockets, maxSockets);

    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var socket = await ConnectSocketAsync(context.DnsEndPoint.Host, context.DnsEndPoint.Port, cancellationToken);
        return new NetworkStream(socket, ownsSocket: true);
    }

    public async ValueTask<Socket> ConnectSocketAsync(string host, int port, CancellationToken cancellationToken)
    {
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
            ? [literal]
            : await NameResolution.ResolveAsync(host, cancellationToken);
        return await ConnectSocketAsync(host, addresses, port, cancellationToken);
    }

    /// <summary>Connects to the first allowed address of <paramref name="host"/>, resolved by the caller (e.g. from a cache).</summary>
    public async ValueTask<Socket> ConnectSocketAsync(string host, IPAddress[] addresses, int port, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        SocketException? lastError = null;
        IPAddress? denied = null;
        foreach (var address in addresses)
        {
            if (!policy.IsAllowed(host, address))
            {
                denied ??= address;
                continue;
            }

            await _budget.WaitAsync(cancellationToken);
            var socket = new BudgetedSocket(address.AddressFamily, _budget) { NoDelay = noDelay };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, port), cancellationToken);
                return socket;
            }
            catch (SocketException error)
            {
                socket.Dispose();
                lastError = error;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        if (lastError is not null)
        {
            throw lastError;
        }

        throw denied is not null
            ? new TargetDeniedException(host, denied)
            : new SocketException((int)SocketError.HostNotFound);
    }
}
