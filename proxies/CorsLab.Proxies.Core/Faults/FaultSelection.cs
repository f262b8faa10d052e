namespace CorsLab.Proxies.Core.Faults;

/// <summary>The faults an engine is started with, the wait of added-latency and the percent of cpu-tax when they are among them.</summary>
public readonly record struct FaultSelection(Fault Faults, TimeSpan AddedLatency, int CpuTaxPercent = 0)
{
    public static FaultSelection None => default;
}
