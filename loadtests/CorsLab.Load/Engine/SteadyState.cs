namespace CorsLab.Load.Engine;

/// <summary>
/// When a warm-up may end, as BenchmarkDotNet's pilot stage ends: after enough requests for the JIT to have
/// finished with the hot path, once two successive windows agree. Closed models compare throughput (the target
/// sets the pace); open models compare median latency (the schedule sets the pace, so throughput says nothing).
/// </summary>
public static class SteadyState
{
    /// <summary>
    /// .NET compiles a method at tier 1 after 30 calls and a 100 ms quiet period, and dynamic PGO first instruments
    /// it: a proxy's hot path needs some hundreds of requests per code path; 2,000 leaves room for the slower paths.
    /// </summary>
    public const long MinRequests = 2_000;

    /// <summary>One window: long enough for a few hundred requests at the lab's usual rates, short enough to stop soon.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMilliseconds(250);

    /// <summary>Closed models: successive windows' throughput within 10 %.</summary>
    public const double MaxThroughputChange = 0.10;

    /// <summary>Open models: successive windows' p50 within 20 % (latency is noisier than a count).</summary>
    public const double MaxLatencyChange = 0.20;

    public static bool Reached(bool open, long requests, PhaseResult previous, PhaseResult last)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(last);
        if (requests < MinRequests || previous.Latency.Count == 0 || last.Latency.Count == 0)
        {
            return false;
        }

        return open
            ? Change(previous.Latency.P50, last.Latency.P50) <= MaxLatencyChange
            : Change(previous.RequestsPerSecond, last.RequestsPerSecond) <= MaxThroughputChange;
    }

    private static double Change(double before, double after) => before <= 0 ? double.PositiveInfinity : Math.Abs(after - before) / before;
}
