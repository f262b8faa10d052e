using CorsLab.Results;
using CorsLab.Results.Testing;

namespace CorsLab.Reports.Tests;

/// <summary>The engines' exported counters: a table and two per-second plots in the scenario's section, nothing without them.</summary>
public sealed class CounterReportTests
{
    [Fact]
    public async Task MeasurementWithCounters_RendersTheCounterTableAndPlots()
    {
        var run = Lab();
        run = run with { Measurements = run.Measurements.Select(m => m.Target == "yarp" ? m with { Counters = Counters() } : m).ToArray() };
        using var folder = await RunFolder.WriteAsync(run);

        await ReportRenderer.RenderAsync(folder.Path);

        var report = folder.Read("report.md");
        Assert.Contains("**Counters inside the engine**", report, StringComparison.Ordinal);
        // forwarded 7,950/s mean; CPU 0.60 cores; 24 MiB/s; 2.5 GCs/s; 1.5% paused; 12 threads; queue 4; 0.5 contentions/s; 96 MiB; connections 32 / 8.
        Assert.Contains("| `yarp` | 7950 | 0.60 | 24.0 MiB | 2.5 | 1.5% | 12 | 4 | 0.5 | 96.0 MiB | 32 / 8 |", report, StringComparison.Ordinal);
        foreach (var plot in new[] { "cpu-small-get.svg", "allocation-small-get.svg" })
        {
            Assert.Contains($"({plot})", report, StringComparison.Ordinal);
            Assert.Contains("<svg", folder.Read(plot), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task RunWithoutCounters_HasNoCounterTableOrPlots()
    {
        using var folder = await RunFolder.WriteAsync(Lab());

        await ReportRenderer.RenderAsync(folder.Path);

        var report = folder.Read("report.md");
        Assert.DoesNotContain("Counters inside the engine", report, StringComparison.Ordinal);
        Assert.DoesNotContain("cpu-small-get.svg", report, StringComparison.Ordinal);
    }

    private static CounterSeries[] Counters() =>
    [
        Rate(CounterNames.Forwarded, "{request}/s", 7_900, 8_000),
        Rate(CounterNames.CpuTime, "s/s", 0.55, 0.65),
        Rate(CounterNames.Allocated, "By/s", 20 << 20, 28 << 20),
        Rate(CounterNames.Collections, "{collection}/s", 2, 3),
        Rate(CounterNames.GcPauseTime, "s/s", 0.01, 0.02),
        Rate(CounterNames.LockContentions, "{contention}/s", 0, 1),
        Level(CounterNames.ThreadPoolThreads, 10, 12),
        Level(CounterNames.ThreadPoolQueue, 0, 4),
        Level(CounterNames.WorkingSet, 90 << 20, 96 << 20),
        Level(CounterNames.KestrelConnections, 32, 32),
        Level(CounterNames.ClientOpenConnections, 6, 8),
    ];

    private static CounterSeries Rate(string name, string unit, double low, double high) =>
        new(name, CounterStatistics.Rate, unit, [new(0, low), new(1, high), new(2, low), new(3, high)]);

    private static CounterSeries Level(string name, double low, double high) =>
        new(name, CounterStatistics.Value, "", [new(0, low), new(1, high), new(2, low)]);

    private static RunDocument Lab() => new RunBuilder()
        .Target(TargetKinds.Direct, TargetKinds.Direct).Target("yarp")
        .Measure(TargetKinds.Direct, ScenarioNames.SmallGet, 0, 9_000, 100)
        .Measure("yarp", ScenarioNames.SmallGet, 0, 8_000, 150)
        .Build();
}
