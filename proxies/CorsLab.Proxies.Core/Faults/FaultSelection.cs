namespace CorsLab.Proxies.Core.Faults;

/// <summary>The faults an engine is started with, and the arguments of those that take one (added-latency, pool-limit, cpu-tax).</summary>
public readonly record struct FaultSelection(Fault Faults, TimeSpan AddedLatency, int PoolLimit = 0, int CpuTaxPercent = 0)
{
    public static FaultSelection None => default;
}
