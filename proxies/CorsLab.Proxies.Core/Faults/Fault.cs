namespace CorsLab.Proxies.Core.Faults;

/// <summary>A classic cause of a slow gateway that an engine reproduces for real when asked (DESIGN.md "Faults").</summary>
[Flags]
public enum Fault
{
    None = 0,
    BufferResponse = 1 << 0,
    BufferRequest = 1 << 1,
    Nagle = 1 << 2,
    NoPooling = 1 << 3,
    DnsPerRequest = 1 << 4,
    SyncOverAsync = 1 << 5,
    AllocPerChunk = 1 << 6,
    GlobalLock = 1 << 7,

    /// <summary>A known wait before forwarding (<see cref="ProxyOptions.AddedLatency"/>): the truth the lab calibrates against.</summary>
    AddedLatency = 1 << 8,

    /// <summary>Extra CPU in proportion to each request's own cost (<see cref="ProxyOptions.CpuTaxPercent"/>): a known regression for the gate.</summary>
    CpuTax = 1 << 9,
}
