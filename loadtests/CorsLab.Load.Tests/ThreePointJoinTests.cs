using CorsLab.Load.Engine;
using CorsLab.Load.Join;
using CorsLab.Load.Scenarios;
using CorsLab.Protocol.OriginTimings;

namespace CorsLab.Load.Tests;

/// <summary>The client's timings joined with the origin's, per request, on real requests.</summary>
public sealed class ThreePointJoinTests(OriginFixture fixture) : IClassFixture<OriginFixture>
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task SmallGet_JoinsEveryRequest_InboundWithinTotal()
    {
        var model = new LoadModel { Kind = LoadModelKind.Max, Connections = 2, Warmup = TimeSpan.Zero, Duration = TimeSpan.FromSeconds(10), MaxRequests = 50 };
        var run = await new LoadRunner([new RequestSpec { Url = fixture.Url("/bytes/1024") }], model).RunAsync(null, CancellationToken.None).WaitAsync(Bound);

        var summary = await ThreePointJoin.JoinAsync(Timings(), run.Measured, CancellationToken.None).WaitAsync(Bound);

        Assert.NotNull(summary);
        Assert.Equal(50, summary.Joined);
        Assert.Equal(0, summary.Unmatched);
        Assert.Equal(2, summary.ClientConnections);
        Assert.Equal(2, summary.OriginConnections);
        Assert.Equal(2.0 / 50, summary.OriginConnectionsPerRequest, 6);
        Assert.InRange(summary.InboundDelay.P50, 0, run.Measured.Latency.Max);
        Assert.True(summary.InboundDelay.Max <= run.Measured.Latency.Max, "the way in is part of the whole request");
        Assert.True(summary.OriginTime.P50 >= 0);
        Assert.NotNull(summary.Waterfalls);
        Assert.Equal(50, summary.Waterfalls.Requests);
        Assert.True(summary.Waterfalls.Median.ClientLastByte <= summary.Waterfalls.P99.ClientLastByte, "ranked by the client's time");
    }

    [Fact]
    public async Task Drip_Direct_ShowsNoBuffering()
    {
        var model = new LoadModel { Kind = LoadModelKind.Concurrency, Concurrency = 2, Warmup = TimeSpan.Zero, Duration = TimeSpan.FromSeconds(10), MaxRequests = 6 };
        var run = await new LoadRunner([new RequestSpec { Url = fixture.Url("/drip?chunks=4&size=10&interval_ms=20") }], model).RunAsync(null, CancellationToken.None).WaitAsync(Bound);

        var summary = await ThreePointJoin.JoinAsync(Timings(), run.Measured, CancellationToken.None).WaitAsync(Bound);

        Assert.NotNull(summary);
        Assert.Equal(6, summary.Joined);
        Assert.Equal(6, summary.BufferingEligible);
        Assert.Equal(0, summary.FirstByteAfterOriginLast);

        // Streaming: the client's first byte comes ~60 ms before the end, not after it.
        Assert.True(run.Measured.FirstByte.P50 < run.Measured.Latency.P50, "first byte before the last");
    }

    [Fact]
    public async Task Upload_Direct_RecordsTheRequestBodyGap()
    {
        var model = new LoadModel { Kind = LoadModelKind.Concurrency, Concurrency = 1, Warmup = TimeSpan.Zero, Duration = TimeSpan.FromSeconds(20), MaxRequests = 2 };
        var run = await new LoadRunner([new RequestSpec { Url = fixture.Url("/sink"), Method = "POST", BodyLength = 4 * 1024 * 1024 }], model).RunAsync(null, CancellationToken.None).WaitAsync(Bound);

        var summary = await ThreePointJoin.JoinAsync(Timings(), run.Measured, CancellationToken.None).WaitAsync(Bound);

        Assert.Equal(0, run.Measured.ErrorCount);
        Assert.NotNull(summary?.RequestFirstByteGap);
        Assert.Equal(2, summary.Joined);

        // Not asserted: the sign of the gap. Loopback socket buffers can absorb megabytes, so the client's last
        // write may complete before the origin reads its first byte even with nothing buffering in between.
        Assert.InRange(summary.RequestBufferingEligible, 0, 2);
    }

    [Fact]
    public async Task ErrorsScenario_Direct_IsMeasuredAndHealthyAfter()
    {
        var executor = new ScenarioExecutor(fixture.Urls, fixture.Control);
        Assert.True(ScenarioCatalog.TryGet("errors", out var scenario));
        // Bounded by count, not by a short duration a busy machine could spend before the first request.
        var model = scenario.Model with { Warmup = TimeSpan.Zero, Duration = TimeSpan.FromSeconds(60), Concurrency = 2, MaxRequests = 40 };

        var measurement = await executor.RunAsync(scenario, model, OriginFixture.Direct, 0, null, null, CancellationToken.None).WaitAsync(Bound);

        Assert.Equal(40, measurement.Requests);
        Assert.Equal(measurement.Requests, measurement.Errors["reset"]);
        Assert.True(measurement.HealthyAfter);
        Assert.All(measurement.Thresholds, t => Assert.True(t.Passed));
    }

    private OriginTimingsClient Timings() => new(fixture.Control, fixture.Origin.HttpUrl);
}
