using System.Diagnostics;

namespace CorsLab.Proxies.Core.Faults;

/// <summary>
/// Fault cpu-tax=P: before forwarding, each request spins P % of what forwarding a request costs this engine, so the
/// gate has a known regression to find. The cost is each engine's own, measured, not a fixed figure: the running
/// mean (1/16 weight) of the wall time from <see cref="Levy"/> to <see cref="Record"/>, spin excluded, so the tax
/// scales with the engine and the request (a fixed calibrated cost would tax a fast engine more than a slow one).
/// Wall time rather than CPU time because an async request hops threads, and because a regression a user sees is
/// time: on loopback a request's forwarding time is almost all CPU (the proxy's, the origin's, the kernel's). The
/// spin holds its thread, as real CPU work does. Under load the waits of other requests' spins enter the measured
/// cost, so the tax compounds a little; <see cref="MaxPercent"/> keeps that bounded.
/// </summary>
public sealed class CpuTax
{
    /// <summary>At 100 % a request costs twice its normal; beyond, the compounding under load stops converging fast.</summary>
    public const int MaxPercent = 100;

    private const int MeanWeightShift = 4;

    private readonly long _percent;
    private long _meanTicks;

    private CpuTax(int percent) => _percent = percent;

    /// <summary>The tax of <paramref name="options"/>, or null when the engine runs without the fault.</summary>
    public static CpuTax? For(ProxyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Has(Fault.CpuTax) ? new CpuTax(options.CpuTaxPercent) : null;
    }

    /// <summary>Spins the tax of one request; returns the timestamp its untaxed cost counts from.</summary>
    public long Levy()
    {
        var due = Stopwatch.GetTimestamp() + Volatile.Read(ref _meanTicks) * _percent / 100;
        while (Stopwatch.GetTimestamp() < due)
        {
            Thread.SpinWait(20);
        }

        return Stopwatch.GetTimestamp();
    }

    /// <summary>Folds the cost of a request that started at <paramref name="started"/> into the mean.</summary>
    public void Record(long started)
    {
        // Racing requests may overwrite each other's update; the mean then skips a sample, which is harmless.
        var cost = Stopwatch.GetTimestamp() - started;
        var mean = Volatile.Read(ref _meanTicks);
        Volatile.Write(ref _meanTicks, mean == 0 ? cost : mean + ((cost - mean) >> MeanWeightShift));
    }
}
