using System.Net.Sockets;

namespace CorsLab.Proxies.Core.Upstream;

/// <summary>An upstream socket that gives its slot back to the connector's budget when it is disposed, whoever disposes it.</summary>
internal sealed class BudgetedSocket(AddressFamily family, SemaphoreSlim budget) : Socket(family, SocketType.Stream, ProtocolType.Tcp)
{
    private int _released;

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            budget.Release();
        }
    }
}
