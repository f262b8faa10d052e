namespace CorsLab.Proxies.Core.Faults;

/// <summary>The command-line names of the faults and the finding each must produce.</summary>
public static class FaultNames
{
    private static readonly (Fault Fault, string Name, string Finding)[] Table =
    [
        (Fault.BufferResponse, "buffer-response", "response-buffering"),
        (Fault.BufferRequest, "buffer-request", "request-buffering"),
        (Fault.Nagle, "nagle", "nagle-delay"),
        (Fault.NoPooling, "no-pooling", "connection-churn"),
        (Fault.DnsPerRequest, "dns-per-request", "dns-per-request"),
        (Fault.SyncOverAsync, "sync-over-async", "threadpool-starvation"),
        (Fault.AllocPerChunk, "alloc-per-chunk", "gc-pressure"),
        (Fault.GlobalLock, "global-lock", "lock-contention"),
    ];

    public static IEnumerable<string> All => Table.Select(row => row.Name);

    public static bool TryParse(string name, out Fault fault)
    {
        foreach (var row in Table)
        {
            if (string.Equals(row.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                fault = row.Fault;
                return true;
            }
        }

        fault = Fault.None;
        return false;
    }

    public static string NameOf(Fault single) => Row(single).Name;

    public static string FindingOf(Fault single) => Row(single).Finding;

    /// <summary>The names of every fault set in <paramref name="faults"/>, in table order.</summary>
    public static IEnumerable<string> NamesOf(Fault faults) =>
        Table.Where(row => faults.HasFlag(row.Fault)).Select(row => row.Name);

    private static (Fault Fault, string Name, string Finding) Row(Fault single)
    {
        foreach (var row in Table)
        {
            if (row.Fault == single)
            {
                return row;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(single), single, "not a single fault");
    }
}
