namespace CorsLab.Proxies.Core.Faults;

/// <summary>The command-line names of the faults. Which finding each must produce is the lab's knowledge, not the engines'.</summary>
public static class FaultNames
{
    private static readonly (Fault Fault, string Name)[] Table =
    [
        (Fault.BufferResponse, "buffer-response"),
        (Fault.BufferRequest, "buffer-request"),
        (Fault.Nagle, "nagle"),
        (Fault.NoPooling, "no-pooling"),
        (Fault.DnsPerRequest, "dns-per-request"),
        (Fault.SyncOverAsync, "sync-over-async"),
        (Fault.AllocPerChunk, "alloc-per-chunk"),
        (Fault.GlobalLock, "global-lock"),
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

    /// <summary>The names of every fault set in <paramref name="faults"/>, in table order.</summary>
    public static IEnumerable<string> NamesOf(Fault faults) =>
        Table.Where(row => faults.HasFlag(row.Fault)).Select(row => row.Name);

    private static (Fault Fault, string Name) Row(Fault single)
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
