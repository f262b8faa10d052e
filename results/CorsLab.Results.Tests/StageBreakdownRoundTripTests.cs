using System.Text.Json.Nodes;
using CorsLab.Results.Testing;

namespace CorsLab.Results.Tests;

/// <summary>A measurement's <c>stages</c>: kept exactly, and optional, so files written before it (or without traces) still read.</summary>
public sealed class StageBreakdownRoundTripTests
{
    private static readonly StageBreakdown Stages = new() { TracedRequests = 42, InProxyMs = 0.031, ConnectMs = 0, HeadWaitMs = 1.25, BodyCopyMs = null };

    [Fact]
    public async Task Measurement_WithStages_ReadsBackEqual()
    {
        var run = Run();
        using var folder = await RunFolder.WriteAsync(run with { Measurements = [run.Measurements[0] with { Stages = Stages }] });

        var read = await RunReader.ReadAsync(folder.Path);

        Assert.Equal(Stages, Assert.Single(read.Measurements).Stages);
    }

    [Fact]
    public async Task Measurement_WrittenWithoutStages_ReadsWithNone()
    {
        using var folder = await RunFolder.WriteAsync(Run());
        var json = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(folder.Path, RunWriter.FileName)))!;

        Assert.Null(json["measurements"]![0]!["stages"]);
        Assert.Null(Assert.Single((await RunReader.ReadAsync(folder.Path)).Measurements).Stages);
    }

    private static RunDocument Run() => new RunBuilder().Target("yarp").Measure("yarp", ScenarioNames.SmallGet, 0, 8_000, 150).Build();
}
