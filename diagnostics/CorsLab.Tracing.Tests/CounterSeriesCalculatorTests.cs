using CorsLab.Results;

namespace CorsLab.Tracing.Tests;

/// <summary>Exported points become per-second series over a phase: counters as rates, levels as values, histograms as rate and mean.</summary>
public sealed class CounterSeriesCalculatorTests
{
    private const ulong Second = 1_000_000_000;
    private const ulong Start = 1_700_000_000 * Second;

    // The phase: seconds 10 to 13 after the process's start; exports every second at Start + n s.
    private const ulong From = Start + (10 * Second);
    private const ulong To = Start + (13 * Second);

    [Fact]
    public void CumulativeCounter_IsDifferencedIntoRates_SummedOverAttributes()
    {
        // cpu time: user grows 0.5 s per second, system 0.1 s per second.
        var points = Exports(8, 15, n => [Sum("dotnet.process.cpu.time", n, 0.5 * n, "user"), Sum("dotnet.process.cpu.time", n, 0.1 * n, "system")]);

        var series = Assert.Single(CounterSeriesCalculator.Compute(points, From, To));

        Assert.Equal(CounterStatistics.Rate, series.Statistic);
        Assert.Equal("s/s", series.Unit);
        Assert.Equal([0, 1, 2], series.Points.Select(p => p.Second));
        Assert.All(series.Points, p => Assert.Equal(0.6, p.Value, 9));
    }

    [Fact]
    public void UpDownCounterAndGauge_AreTheirValuesAtEachExportInsideThePhase()
    {
        var points = Exports(8, 15, n => [Sum("dotnet.thread_pool.queue.length", n, n, monotonic: false), Gauge("test.gauge", n, 100 + n)]);

        var series = CounterSeriesCalculator.Compute(points, From, To);

        var queue = series.Single(s => s.Name == "dotnet.thread_pool.queue.length");
        Assert.Equal(CounterStatistics.Value, queue.Statistic);
        Assert.Equal([10.0, 11, 12, 13], queue.Points.Select(p => p.Value));
        Assert.Equal([0, 0, 1, 2], queue.Points.Select(p => p.Second));
        Assert.Equal([110.0, 111, 112, 113], series.Single(s => s.Name == "test.gauge").Points.Select(p => p.Value));
    }

    [Fact]
    public void Histogram_GivesItsRateAndItsMeanPerInterval()
    {
        // Each second 50 more requests, whose durations add 0.1 s in second n (a mean of 2 ms).
        var points = Exports(8, 15, n => [Histogram("http.server.request.duration", n, count: 50 * n, sum: 0.1 * n)]);

        var series = CounterSeriesCalculator.Compute(points, From, To);

        var rate = series.Single(s => s.Statistic == CounterStatistics.Rate);
        var mean = series.Single(s => s.Statistic == CounterStatistics.Mean);
        Assert.All(rate.Points, p => Assert.Equal(50, p.Value, 9));
        Assert.Equal("s", mean.Unit);
        Assert.All(mean.Points, p => Assert.Equal(0.002, p.Value, 9));
    }

    [Fact]
    public void CounterThatDrops_SkipsTheIntervalInsteadOfANegativeRate()
    {
        double[] values = [0, 0, 0, 10, 20, 5, 15, 25];
        var points = Exports(8, 15, n => [Sum("corslab.proxy.forwarded", n, values[n - 8])]);

        var series = Assert.Single(CounterSeriesCalculator.Compute(points, From, To));

        Assert.Equal([10.0, 10], series.Points.Select(p => p.Value));
        Assert.DoesNotContain(series.Points, p => p.Value < 0);
    }

    [Fact]
    public void CounterFirstExportedInsideThePhase_CountsFromZeroAtTheProcesssExportBefore()
    {
        // The process exports its CPU every second; the forwarded counter first appears at 11 s with 40 requests.
        var points = Exports(8, 15, n => n < 11
            ? [Sum("dotnet.process.cpu.time", n, n)]
            : [Sum("dotnet.process.cpu.time", n, n), Sum("corslab.proxy.forwarded", n, 40 * (n - 10))]);

        var forwarded = CounterSeriesCalculator.Compute(points, From, To).Single(s => s.Name == "corslab.proxy.forwarded");

        Assert.Equal([40.0, 40, 40], forwarded.Points.Select(p => p.Value));
    }

    [Fact]
    public void DeltaCounter_IsItsOwnIntervalsRate()
    {
        var points = Exports(8, 15, n => [Sum("corslab.proxy.forwarded", n, 30, temporality: MetricKinds.Delta, start: Start + ((ulong)(n - 1) * Second))]);

        var series = Assert.Single(CounterSeriesCalculator.Compute(points, From, To));

        Assert.Equal(3, series.Points.Count);
        Assert.All(series.Points, p => Assert.Equal(30, p.Value, 9));
    }

    [Fact]
    public void NoExportInsideThePhase_GivesNoSeries()
    {
        var points = Exports(1, 5, n => [Sum("dotnet.process.cpu.time", n, n)]);

        Assert.Empty(CounterSeriesCalculator.Compute(points, From, To));
    }

    private static List<MetricPointRecord> Exports(int first, int last, Func<int, MetricPointRecord[]> at) =>
        [.. Enumerable.Range(first, last - first + 1).SelectMany(at)];

    private static MetricPointRecord Sum(string name, int n, double value, string? mode = null, bool monotonic = true, string temporality = MetricKinds.Cumulative, ulong? start = null) => new()
    {
        Name = name,
        Unit = name == "dotnet.process.cpu.time" ? "s" : null,
        Kind = MetricKinds.Sum,
        Monotonic = monotonic,
        Temporality = temporality,
        StartUnixNs = start ?? Start,
        TimeUnixNs = Start + ((ulong)n * Second),
        Attributes = mode is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["cpu.mode"] = mode },
        Value = value,
    };

    private static MetricPointRecord Gauge(string name, int n, double value) => new()
    {
        Name = name,
        Kind = MetricKinds.Gauge,
        TimeUnixNs = Start + ((ulong)n * Second),
        Value = value,
    };

    private static MetricPointRecord Histogram(string name, int n, long count, double sum) => new()
    {
        Name = name,
        Unit = "s",
        Kind = MetricKinds.Histogram,
        Temporality = MetricKinds.Cumulative,
        StartUnixNs = Start,
        TimeUnixNs = Start + ((ulong)n * Second),
        Count = (ulong)count,
        Sum = sum,
    };
}
