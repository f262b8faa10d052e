using System.Text.Json.Nodes;
using CorsLab.Results.Testing;

namespace CorsLab.Results.Tests;

/// <summary>The waterfalls in run.json's <c>threePoint</c>: kept exactly, and optional, so files written before them still read.</summary>
public sealed class WaterfallRoundTripTests
{
    [Fact]
    public async Task ThreePoint_WithWaterfalls_ReadsBackEqual()
    {
        var run = RunBuilder.Lab().Build();
        using var folder = await RunFolder.WriteAsync(run);

        var read = await RunReader.ReadAsync(folder.Path);

        var drip = read.Measurements.Where(measurement => measurement.Scenario == ScenarioNames.Drip).ToList();
        Assert.NotEmpty(drip);
        Assert.All(drip, measurement => Assert.Equal(
            run.Measurements.Single(written => written.Target == measurement.Target && written.Scenario == measurement.Scenario && written.Repeat == measurement.Repeat).ThreePoint!.Waterfalls,
            measurement.ThreePoint?.Waterfalls));
        Assert.Equal(RunBuilder.Waterfalls(buffered: true), drip.First(measurement => measurement.Target == "httpclient").ThreePoint!.Waterfalls);
    }

    [Fact]
    public async Task ThreePoint_WrittenBeforeWaterfalls_ReadsWithoutThem()
    {
        using var folder = await RunFolder.WriteAsync(RunBuilder.Lab().Build());
        var path = Path.Combine(folder.Path, RunWriter.FileName);
        var json = JsonNode.Parse(await File.ReadAllTextAsync(path))!;
        var threePoints = json["measurements"]!.AsArray().Select(measurement => measurement!["threePoint"]).OfType<JsonObject>().ToList();
        Assert.NotEmpty(threePoints);
        foreach (var threePoint in threePoints)
        {
            Assert.True(threePoint.Remove("waterfalls"), "the writer names the field waterfalls");
        }

        await File.WriteAllTextAsync(path, json.ToJsonString());

        var read = await RunReader.ReadAsync(folder.Path);

        var drip = read.Measurements.Where(measurement => measurement.Scenario == ScenarioNames.Drip).ToList();
        Assert.NotEmpty(drip);
        Assert.All(drip, measurement =>
        {
            Assert.NotNull(measurement.ThreePoint);
            Assert.Null(measurement.ThreePoint.Waterfalls);
            Assert.True(measurement.ThreePoint.Joined > 0);
        });
    }
}
