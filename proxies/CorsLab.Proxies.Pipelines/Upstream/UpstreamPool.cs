using System.Collections.Concurrent;

namespace CorsLab.Proxies.Pipelines.Upstream;

/// <summary>
/// Idle upstream connections per (scheme, host, port), most recently used first (the warmest socket, and the
/// coldest ones age out). A timer closes connections idle longer than the idle timeout. Renting and
/// returning allocate nothing: one list per key, under its own lock.
/// </summary>
internal sealed class UpstreamPool : IDisposable
{
    private readonly ConcurrentDictionary<PoolKey, Bucket> _buckets = new();
    private readonly TimeProvider _time;
    private readonly long _idleTicks;
    private readonly ITimer _eviction;
    private bool _disposed;

    private readonly bool _checkLiveness;

    /// <param name="checkLiveness">False under fault no-stale-check: pooled connections are reused unexamined.</param>
    public UpstreamPool(TimeSpan idleTimeout, TimeProvider time, bool checkLiveness = true)
    {
        _checkLiveness = checkLiveness;
        _time = time;
        _idleTicks = (long)(idleTimeout.TotalSeconds * time.TimestampFrequency);
        var period = idleTimeout / 2;
        _eviction = time.CreateTimer(static state => ((UpstreamPool)state!).Evict(), this, period, period);
    }

    public bool TryRent(PoolKey key, out UpstreamConnection connection)
    {
        if (_buckets.TryGetValue(key, out var bucket))
        {
            while (bucket.TryPop(out connection))
            {
                if (connection.TryPrepareForReuse(_checkLiveness))
                {
                    connection.IsReused = true;
                    return true;
                }

                connection.Dispose();
            }
        }

        connection = null!;
        return false;
    }

    public void Return(UpstreamConnection connection)
    {
        if (Volatile.Read(ref _disposed))
        {
            connection.Dispose();
            return;
        }

        connection.IdleSince = _time.GetTimestamp();
        _buckets.GetOrAdd(connection.Key, static _ => new Bucket()).Push(connection);
    }

    public void Dispose()
    {
        Volatile.Write(ref _disposed, true);
        _eviction.Dispose();
        foreach (var bucket in _buckets.Values)
        {
            bucket.EvictOlderThan(long.MaxValue);
        }
    }

    private void Evict()
    {
        var cutoff = _time.GetTimestamp() - _idleTicks;
        foreach (var bucket in _buckets.Values)
        {
            bucket.EvictOlderThan(cutoff);
        }
    }

    private sealed class Bucket
    {
        private readonly Lock _gate = new();
        private readonly List<UpstreamConnection> _idle = [];

        public void Push(UpstreamConnection connection)
        {
            lock (_gate)
            {
                _idle.Add(connection);
            }
        }

        public bool TryPop(out UpstreamConnection connection)
        {
            lock (_gate)
            {
                if (_idle.Count == 0)
                {
                    connection = null!;
                    return false;
                }

                connection = _idle[^1];
                _idle.RemoveAt(_idle.Count - 1);
                return true;
            }
        }

        /// <summary>Closes connections idle since before <paramref name="cutoff"/> (all of them for long.MaxValue).</summary>
        public void EvictOlderThan(long cutoff)
        {
            List<UpstreamConnection>? stale = null;
            lock (_gate)
            {
                // Oldest first: the list is in return order.
                var count = 0;
                while (count < _idle.Count && (cutoff == long.MaxValue || _idle[count].IdleSince < cutoff))
                {
                    count++;
                }

                if (count > 0)
                {
                    stale = _idle.GetRange(0, count);
                    _idle.RemoveRange(0, count);
                }
            }

            stale?.ForEach(static connection => connection.Dispose());
        }
    }
}
