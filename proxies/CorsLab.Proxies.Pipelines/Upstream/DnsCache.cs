using System.Collections.Concurrent;
using System.Net;
using CorsLab.Proxies.Core.Upstream;

namespace CorsLab.Proxies.Pipelines.Upstream;

/// <summary>
/// Resolved names, kept for a fixed TTL (the resolver API gives none). Failures are not cached. Only new
/// connections consult it, so a pooled exchange does no lookup at all; the dns-per-request fault bypasses it.
/// </summary>
internal sealed class DnsCache(TimeSpan ttl, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.OrdinalIgnoreCase);

    public ValueTask<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        if (_entries.TryGetValue(host, out var entry) && time.GetTimestamp() < entry.ExpiresAt)
        {
            return new ValueTask<IPAddress[]>(entry.Addresses);
        }

        return ResolveSlowAsync(host, cancellationToken);
    }

    private async ValueTask<IPAddress[]> ResolveSlowAsync(string host, CancellationToken cancellationToken)
    {
        var addresses = await NameResolution.ResolveAsync(host, cancellationToken);
        var expiresAt = time.GetTimestamp() + (long)(ttl.TotalSeconds * time.TimestampFrequency);
        _entries[host] = new Entry(addresses, expiresAt);
        return addresses;
    }

    private sealed record Entry(IPAddress[] Addresses, long ExpiresAt);
}
