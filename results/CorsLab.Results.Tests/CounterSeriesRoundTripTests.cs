using System.Text.Json.Nodes;
using CorsLab.Results.Testing;

namespace CorsLab.Results.Tests;

/// <summary>A measurement's <c>counters</c>: kept exactly, and optional, so files written before them still read.</summary>
public sealed class CounterSeriesRoundTripTests
{
    [Fact]
    public async Task Measurement_WithCounters_ReadsBackEqual()
    {
        var run = Run();
        CounterSeries[] counters =
        [
            new(CounterNames.CpuTime, CounterStatistics.Rate, "s/s", [new(0, 0.61), new(1, 0.58)]),
            new(CounterNames.ThreadPoolQueue, CounterStatistics.Value, "{work_item}", [new(0, 3)]),
        ];
        using var folder = await RunFolder.WriteAsync(run with { Measurements = [run.Measurements[0] with { Counters = counters }] });

        var read = Assert.Single((await RunReader.ReadAsync(folder.Path)).Measurements).Counters;

        Assert.Equal(counters.Length, read.Count);
        for (var i = 0; i < counters.Length; i++)
        {
            Assert.Equal(counters[i].Name, read[i].Name);
            Assert.Equal(counters[i].Statistic, read[i].Statistic);
            Assert.Equal(counters[i].Unit, read[i].Unit);
            Assert.Equal(counters[i].Points, read[i].Points);
        }
    }

    [Fact]
    public async Task Measurement_WrittenWithoutCounters_ReadsWithNone()
    {
        using var folder = await RunFolder.WriteAsync(Run());
        var json = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(folder.Path, RunWriter.FileName)))!;
        json["measurements"]![0]!.AsObject().Remove("counters");
        await File.WriteAllTextAsync(Path.Combine(folder.Path, RunWriter.FileName), json.ToJsonString());

        Assert.Empty(Assert.Single((await RunReader.ReadAsync(folder.Path)).Measurements).Counters);
    }

    private static RunDocument Run() => new RunBuilder().Target("yarp").Measure("yarp", ScenarioNames.SmallGet, 0, 8_000, 150).Build();
}
