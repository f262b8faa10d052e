namespace CorsLab.Proxies.Core.Faults;

/// <summary>The command-line names of the faults. Which finding each must produce is the lab's knowledge, not the engines'.</summary>
public static class FaultNames
{
    public const string AddedLatency = "added-latency";

    public const string PoolLimit = "pool-limit";

    public const string CpuTax = "cpu-tax";

    private static readonly (Fault Fault, string Name, string? Argument)[] Table =
    [
        (Fault.BufferResponse, "buffer-response", null),
        (Fault.BufferRequest, "buffer-request", null),
        (Fault.Nagle, "nagle", null),
        (Fault.NoPooling, "no-pooling", null),
        (Fault.DnsPerRequest, "dns-per-request", null),
        (Fault.SyncOverAsync, "sync-over-async", null),
        (Fault.AllocPerChunk, "alloc-per-chunk", null),
        (Fault.GlobalLock, "global-lock", null),
        (Fault.AddedLatency, AddedLatency, "<duration>"),
        (Fault.NagleAccepted, "nagle-accepted", null),
        (Fault.RelayConnectionClose, "relay-connection-close", null),
        (Fault.HoldContinue, "hold-continue", null),
        (Fault.PoolLimit, PoolLimit, "<connections>"),
        (Fault.NoTimeout, "no-timeout", null),
        (Fault.NoStaleCheck, "no-stale-check", null),
        (Fault.CpuTax, CpuTax, "<percent>"),
    ];

    public static IEnumerable<string> All => Table.Select(row => row.Name);

    /// <summary>Every fault as it is written on a command line (<c>added-latency=&lt;duration&gt;</c>), for error messages.</summary>
    public static IEnumerable<string> Usages => UsagesOf(Table.Aggregate(Fault.None, (all, row) => all | row.Fault));

    /// <summary>The faults set in <paramref name="faults"/> as written on a command line, in table order.</summary>
    public static IEnumerable<string> UsagesOf(Fault faults) =>
        Table.Where(row => faults.HasFlag(row.Fault)).Select(row => row.Argument is null ? row.Name : $"{row.Name}={row.Argument}");

    /// <summary>The command-line form of added-latency with <paramref name="delay"/> (µs: the unit calibration works in).</summary>
    public static string AddedLatencyOf(TimeSpan delay) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{AddedLatency}={delay.Ticks / 10.0:0.#}us");

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

    private static (Fault Fault, string Name, string? Argument) Row(Fault single)
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
