using System.Collections.Concurrent;

namespace CorsLab.Proxies.Pipelines.Upstream;

/// <summary>
/// Fault pool-limit: at most N exchanges in flight per upstream (scheme, host, port), so at most N connections
/// carry them; a request beyond waits for a slot, as behind SocketsHttpHandler's MaxConnectionsPerServer.
/// </summary>
internal sealed class UpstreamSlots(int perUpstream)
{
    private readonly ConcurrentDictionary<PoolKey, SemaphoreSlim> _slots = new();

    /// <summary>A slot for <paramref name="key"/> within <paramref name="timeout"/>; false when none came free in time.</summary>
    public Task<bool> WaitAsync(PoolKey key, TimeSpan timeout) =>
        _slots.GetOrAdd(key, static (_, count) => new SemaphoreSlim(count, count), perUpstream).WaitAsync(timeout);

    public void Release(PoolKey key) => _slots[key].Release();
}
