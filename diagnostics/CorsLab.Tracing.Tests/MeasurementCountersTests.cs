using CorsLab.Results;
using CorsLab.Results.Testing;

namespace CorsLab.Tracing.Tests;

/// <summary>Each engine measurement gets the counters of its own process, found by pid, over its own measured phase.</summary>
public sealed class MeasurementCountersTests
{
    private const ulong Second = 1_000_000_000;

    [Fact]
    public void EachEngine_GetsItsOwnProcessesCounters()
    {
        var run = new RunBuilder().Target("direct", TargetKinds.Direct).Target("yarp").Target("pipelines")
            .Measure("direct", ScenarioNames.SmallGet, 0, 9_000, 100)
            .Measure("yarp", ScenarioNames.SmallGet, 0, 8_000, 150)
            .Measure("pipelines", ScenarioNames.SmallGet, 0, 8_500, 140)
            .Build();
        var phase = run.Measurements[1];
        var start = (ulong)(phase.StartedUtc - DateTimeOffset.UnixEpoch).Ticks * 100;
        var points = Enumerable.Range(-2, 10).SelectMany(n => new[] { Cpu(100, start, n, 0.5), Cpu(200, start, n, 0.2), Cpu(null, start, n, 0.9) }).ToList();

        var attached = MeasurementCounters.Attach(run, points, new Dictionary<string, int> { ["yarp"] = 100, ["pipelines"] = 200 }, new HashSet<int>());

        Assert.Empty(attached.Measurements.Single(m => m.Target == "direct").Counters);
        Assert.All(Rates(attached, "yarp"), rate => Assert.Equal(0.5, rate, 9));
        Assert.All(Rates(attached, "pipelines"), rate => Assert.Equal(0.2, rate, 9));
        Assert.Equal((int)phase.ElapsedSeconds, Rates(attached, "yarp").Count);
    }

    [Fact]
    public void NoPoints_LeavesTheRunAsItWas()
    {
        var run = new RunBuilder().Target("yarp").Measure("yarp", ScenarioNames.SmallGet, 0, 8_000, 150).Build();

        Assert.Same(run, MeasurementCounters.Attach(run, [], new Dictionary<string, int> { ["yarp"] = 100 }, new HashSet<int>()));
    }

    [Fact]
    public void ConnectionsToTheLabsReceiver_AreNotTheEngines()
    {
        var run = new RunBuilder().Target("yarp").Measure("yarp", ScenarioNames.SmallGet, 0, 8_000, 150).Build();
        var start = (ulong)(run.Measurements[0].StartedUtc - DateTimeOffset.UnixEpoch).Ticks * 100;
        var points = Enumerable.Range(0, 5).SelectMany(n => new[] { Open(start, n, "9000", 8), Open(start, n, "4317", 2) }).ToList();

        var attached = MeasurementCounters.Attach(run, points, new Dictionary<string, int> { ["yarp"] = 100 }, new HashSet<int> { 4317 });

        var open = attached.Measurements[0].Counters.Single(s => s.Name == CounterNames.ClientOpenConnections);
        Assert.All(open.Points, p => Assert.Equal(8, p.Value));
    }

    private static MetricPointRecord Open(ulong phaseStart, int n, string port, double connections) => new()
    {
        Name = CounterNames.ClientOpenConnections,
        Kind = MetricKinds.Sum,
        Temporality = MetricKinds.Cumulative,
        StartUnixNs = phaseStart - (10 * Second),
        TimeUnixNs = phaseStart + ((ulong)n * Second),
        Pid = 100,
        Attributes = new Dictionary<string, string> { [MeasurementCounters.ServerPortAttribute] = port },
        Value = connections,
    };

    private static List<double> Rates(RunDocument run, string target) =>
        run.Measurements.Single(m => m.Target == target).Counters.Single(s => s.Name == CounterNames.CpuTime).Points.Select(p => p.Value).ToList();

    private static MetricPointRecord Cpu(int? pid, ulong phaseStart, int n, double perSecond) => new()
    {
        Name = CounterNames.CpuTime,
        Unit = "s",
        Kind = MetricKinds.Sum,
        Monotonic = true,
        Temporality = MetricKinds.Cumulative,
        StartUnixNs = phaseStart - (10 * Second),
        TimeUnixNs = (ulong)((long)phaseStart + (n * (long)Second)),
        Pid = pid,
        Value = perSecond * (n + 10),
    };
}
