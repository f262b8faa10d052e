using CorsLab.Reports.Waterfalls;
using CorsLab.Results;
using CorsLab.Results.Testing;

namespace CorsLab.Reports.Tests;

/// <summary>The console waterfall: one line per request on one scale, where a stall and a buffered body are visible in the bar itself.</summary>
public sealed class WaterfallTimelineTests
{
    /// <summary>A small GET through a quiet proxy: the client's first byte 50 µs after the origin's.</summary>
    private static readonly RequestWaterfall Quick = new(80, 300, 320, 350, 420);

    /// <summary>The same, with the first byte held 40 ms on the way out.</summary>
    private static readonly RequestWaterfall Stalled = new(80, 300, 320, 40_300, 40_400);

    [Fact]
    public void WayOutStall_DrawsALongWayOutSegment_AndTheGapInNumbers()
    {
        var lines = Timeline(("pipelines", new RequestWaterfalls(2_000, Stalled, Stalled)), (TargetKinds.Direct, new RequestWaterfalls(2_000, Quick, Quick)));

        var stalled = Line(lines, "pipelines p50");
        var quick = Line(lines, "direct p50");
        Assert.True(Count(Bar(stalled), WaterfallTimeline.WayOut) >= WaterfallTimeline.BarWidth - 2, stalled);
        Assert.True(Count(Bar(quick), WaterfallTimeline.WayOut) <= 1, quick);
        Assert.Contains("first-byte gap 40.0 ms", stalled, StringComparison.Ordinal);
        Assert.Contains("first-byte gap 50 µs", quick, StringComparison.Ordinal);
        Assert.Contains("0 to 40.4 ms", lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Targets_AreDrawnAboveDirect_WhateverTheOrderGiven()
    {
        var lines = Timeline((TargetKinds.Direct, new RequestWaterfalls(2_000, Quick, Quick)), ("yarp", new RequestWaterfalls(2_000, Quick, Stalled)));

        Assert.Equal(["yarp p50", "yarp p99", "direct p50", "direct p99"], lines.Skip(1).Select(line => line.Split('|')[0].Trim()));
    }

    [Fact]
    public void BufferedBody_PutsTheClientsFirstByteAfterTheOrigin_StreamingNearItsStart()
    {
        var lines = Timeline(("httpclient", RunBuilder.Waterfalls(buffered: true)), (TargetKinds.Direct, RunBuilder.Waterfalls()));

        var buffered = Bar(Line(lines, "httpclient p50"));
        var streaming = Bar(Line(lines, "direct p50"));
        Assert.True(buffered.IndexOf(WaterfallTimeline.ClientFirstByte, StringComparison.Ordinal) > buffered.LastIndexOf(WaterfallTimeline.OriginSending), buffered);
        Assert.True(streaming.IndexOf(WaterfallTimeline.ClientFirstByte, StringComparison.Ordinal) < streaming.LastIndexOf(WaterfallTimeline.OriginSending), streaming);
    }

    [Fact]
    public void SampleTooSmallForAP99_ShowsTheMedianAndSaysWhyNoP99()
    {
        var lines = Timeline(("pipelines", new RequestWaterfalls(120, Quick, Stalled)));

        Assert.Equal(3, lines.Count);
        Assert.StartsWith("  pipelines p50 |", lines[1], StringComparison.Ordinal);
        Assert.Equal("  p99 request not shown for pipelines: n too small (a p99 needs 10 requests beyond it)", lines[2]);
    }

    [Fact]
    public void NoWaterfalls_NoTimeline()
    {
        var run = new RunBuilder().Measure("pipelines", ScenarioNames.SmallGet, 0, 1_000, 400, threePoint: RunBuilder.ThreePoint(0, 40)).Build();

        Assert.Null(ScenarioWaterfall.Of(ScenarioNames.SmallGet, run.Measurements));
    }

    private static IReadOnlyList<string> Timeline(params (string Target, RequestWaterfalls Waterfalls)[] targets)
    {
        var builder = new RunBuilder();
        foreach (var (target, waterfalls) in targets)
        {
            builder.Measure(target, ScenarioNames.SmallGet, 0, 1_000, 400, threePoint: RunBuilder.ThreePoint(0, 40, waterfalls: waterfalls));
        }

        var waterfall = ScenarioWaterfall.Of(ScenarioNames.SmallGet, builder.Build().Measurements);
        Assert.NotNull(waterfall);
        return WaterfallTimeline.Lines(waterfall);
    }

    private static string Line(IReadOnlyList<string> lines, string label) => Assert.Single(lines, line => line.StartsWith($"  {label} ", StringComparison.Ordinal));

    private static string Bar(string line) => line.Split('|')[1];

    private static int Count(string text, char character) => text.Count(c => c == character);
}
