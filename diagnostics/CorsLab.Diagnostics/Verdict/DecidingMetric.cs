namespace CorsLab.Diagnostics.Verdict;

/// <summary>What a scenario's ranking is decided on, from its load model.</summary>
public enum DecidingMetric
{
    /// <summary>Closed models (<c>concurrency</c>, <c>max</c>): the engine that completes more requests per second wins.</summary>
    Throughput,

    /// <summary>
    /// Open models (<c>constant-rate</c>, <c>ramp-rate</c>): every engine that keeps up completes the offered rate, so
    /// throughput cannot separate them; the tail (p99 from the intended send time) does.
    /// </summary>
    TailLatency,
}
