namespace CorsLab.Proxies.Core.Faults;

/// <summary>The faults an engine is started with, and the wait of added-latency when it is one of them.</summary>
public readonly record struct FaultSelection(Fault Faults, TimeSpan AddedLatency)
{
    public static FaultSelection None => default;
}
