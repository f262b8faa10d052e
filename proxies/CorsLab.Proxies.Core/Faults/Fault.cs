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

    /// <summary>Nagle on the client-facing sockets only, and the response head written the moment the upstream's arrives.</summary>
    NagleAccepted = 1 << 9,

    /// <summary>The upstream's hop-by-hop <c>Connection: close</c> relayed to the client, which must then reconnect.</summary>
    RelayConnectionClose = 1 << 10,

    /// <summary>No <c>100 Continue</c> for a client that sent <c>Expect: 100-continue</c>: it waits until its own timeout.</summary>
    HoldContinue = 1 << 11,

    /// <summary>At most <see cref="ProxyOptions.PoolLimit"/> upstream connections per origin; more requests queue for one.</summary>
    PoolLimit = 1 << 12,

    /// <summary>No upstream timeout: a silent upstream holds the client as long as the client waits.</summary>
    NoTimeout = 1 << 13,

    /// <summary>Extra CPU in proportion to each request's own cost (<see cref="ProxyOptions.CpuTaxPercent"/>): a known regression for the gate.</summary>
    CpuTax = 1 << 14,

    /// <summary>
    /// Pooled upstream connections reused without a liveness check, and a failure on one not retried: the first
    /// request after the upstream closed an idle connection fails.
    /// </summary>
    NoStaleCheck = 1 << 15,
}
