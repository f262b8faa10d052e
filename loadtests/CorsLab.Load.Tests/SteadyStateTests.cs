using CorsLab.Load.Engine;
using CorsLab.Results;

namespace CorsLab.Load.Tests;

/// <summary>When a warm-up may end: enough requests for the JIT, and two windows that agree on what the model lets vary.</summary>
public sealed class SteadyStateTests
{
    [Theory]
    [InlineData(1_000, 1_050, true)]
    [InlineData(1_000, 1_300, false)]
    [InlineData(1_000, 800, false)]
    public void Closed_ComparesThroughput(double before, double after, bool steady) =>
        Assert.Equal(steady, SteadyState.Reached(open: false, SteadyState.MinRequests, Window(before, 500), Window(after, 500)));

    [Theory]
    [InlineData(500, 550, true)]
    [InlineData(500, 700, false)]
    public void Open_ComparesMedianLatency_NotThroughput(long beforeMicros, long afterMicros, bool steady) =>
        Assert.Equal(steady, SteadyState.Reached(open: true, SteadyState.MinRequests, Window(100, beforeMicros), Window(300, afterMicros)));

    [Fact]
    public void TooFewRequests_IsNeverSteady() =>
        Assert.False(SteadyState.Reached(open: false, SteadyState.MinRequests - 1, Window(1_000, 500), Window(1_000, 500)));

    private static PhaseResult Window(double requestsPerSecond, long p50Micros)
    {
        var latency = HistogramRecords.CreateMicroseconds();
        for (var i = 0; i < 100; i++)
        {
            latency.RecordValue(p50Micros);
        }

        var elapsed = TimeSpan.FromSeconds(0.25);
        return new PhaseResult(
            LoadPhase.Warmup, "t", true, elapsed, (long)(requestsPerSecond * elapsed.TotalSeconds), new Dictionary<string, long>(), new Dictionary<string, long>(),
            0, 0, HistogramRecords.From(latency), HistogramRecords.From(latency), [], []);
    }
}
