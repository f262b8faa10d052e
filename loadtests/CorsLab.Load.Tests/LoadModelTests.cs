using CorsLab.Load.Engine;

namespace CorsLab.Load.Tests;

/// <summary>Each load model really sends what it promises, against a real origin. Counts and bounds, never speed.</summary>
public sealed class LoadModelTests(OriginFixture fixture) : IClassFixture<OriginFixture>
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ConstantRate_SendsRateTimesDuration()
    {
        var model = new LoadModel { Kind = LoadModelKind.ConstantRate, Rate = 200, Connections = 4, Warmup = TimeSpan.Zero, Duration = TimeSpan.FromSeconds(1.5) };
        var run = await RunAsync("/bytes/1024", model);

        // 200/s for 1.5 s is 300 tickets, issued by the schedule: never more; fewer only when the machine stalls
        // (the floor leaves room for a busy CI machine; the ceiling is the property).
        Assert.InRange(run.Measured.Requests, 150, 300);
        Assert.Equal(0, run.Measured.ErrorCount);
        Assert.Equal(run.Measured.Requests, run.Measured.Latency.Count);
        Assert.Equal(run.Measured.Requests, run.Measured.StatusCounts["200"]);
    }

    [Fact]
    public async Task RampRate_SendsTheAreaUnderTheRamp()
    {
        var model = new LoadModel { Kind = LoadModelKind.RampRate, Rate = 100, RateTo = 300, Connections = 4, Warmup = TimeSpan.Zero, Duration = TimeSpan.FromSeconds(1) };
        var run = await RunAsync("/bytes/16", model);

        // (100 + 300) / 2 × 1 s = 200 requests.
        Assert.InRange(run.Measured.Requests, 100, 201);
        Assert.Equal(0, run.Measured.ErrorCount);
    }

    [Fact]
    public async Task Concurrency_OpensOneConnectionPerRequestInFlight()
    {
        var model = new LoadModel { Kind = LoadModelKind.Concurrency, Concurrency = 3, Warmup = TimeSpan.Zero, Duration = TimeSpan.FromSeconds(1) };
        var run = await RunAsync("/delay/50", model);

        // 3 in flight for 1 s at 50 ms each: never more than 3 per 50 ms plus the ones in flight at the end.
        // The floor is one round only: a busy machine may stretch each 50 ms a lot; the bound is what is tested.
        Assert.InRange(run.Measured.Requests, 3, 63);
        Assert.Equal(3, run.ConnectionsOpened);
        Assert.Equal(0, run.Measured.ErrorCount);
    }

    [Fact]
    public async Task Max_IsBoundedByRequestCount()
    {
        var model = new LoadModel { Kind = LoadModelKind.Max, Connections = 8, Warmup = TimeSpan.Zero, Duration = TimeSpan.FromSeconds(20), MaxRequests = 500 };
        var run = await RunAsync("/bytes/1024", model);

        // 500 exactly: 8 connections for 20 s would send tens of thousands, so the count, not the duration, stopped it.
        Assert.Equal(500, run.Measured.Requests);
        Assert.Equal(8, run.ConnectionsOpened);
        Assert.True(run.Measured.BytesReceived > 500L * 1024, "every body was read");
    }

    [Fact]
    public async Task ConstantRate_AboveCapacity_MeasuresFromIntendedStart()
    {
        // One connection, /delay/100: capacity 10/s. At 50/s for 1 s the 50 tickets queue behind each other; the
        // last is due at ~1 s and served at ~5 s. Measured from the intended time its latency is seconds; measured
        // from the actual send it would be ~100 ms: coordinated omission.
        var model = new LoadModel { Kind = LoadModelKind.ConstantRate, Rate = 50, Connections = 1, Warmup = TimeSpan.Zero, Duration = TimeSpan.FromSeconds(1) };
        var run = await RunAsync("/delay/100", model);

        Assert.Equal(50, run.Measured.Requests);
        Assert.True(run.Measured.Latency.P99 >= 2_000_000, $"p99 {run.Measured.Latency.P99} µs should include the queueing behind the stall");
        Assert.True(run.Measured.Latency.P50 >= 100_000, $"p50 {run.Measured.Latency.P50} µs is at least one stall");
    }

    [Fact]
    public async Task Warmup_SamplesAreNotInTheMeasuredPhase()
    {
        var model = new LoadModel { Kind = LoadModelKind.Max, Connections = 2, Warmup = TimeSpan.FromSeconds(5), Duration = TimeSpan.FromSeconds(5), MaxRequests = 100 };
        var run = await RunAsync("/bytes/1024", model);

        Assert.NotNull(run.Warmup);
        Assert.Equal(100, run.Warmup.Requests);
        Assert.Equal(100, run.Measured.Requests);
        Assert.Equal(100, run.Measured.Latency.Count);
        Assert.NotEqual(run.Warmup.IdTag, run.Measured.IdTag);
        Assert.All(run.Measured.JoinSample, s => Assert.InRange(s.Ticket, 0, 99));
    }

    [Fact]
    public async Task RefusedTarget_CountsConnectErrorsAndStops()
    {
        var model = new LoadModel { Kind = LoadModelKind.Max, Connections = 2, Warmup = TimeSpan.Zero, Duration = TimeSpan.FromSeconds(60), MaxRequests = 20 };
        var run = await new LoadRunner([new RequestSpec { Url = new Uri("http://127.0.0.1:1/") }], model).RunAsync(null, CancellationToken.None).WaitAsync(Bound);

        Assert.Equal(20, run.Measured.Requests);
        Assert.Equal(run.Measured.Requests, run.Measured.Errors["connect"]);
        Assert.Equal(0, run.Measured.Latency.Count);
    }

    [Fact]
    public async Task ChunkedAndCloseFramedResponses_AreReadToTheEnd()
    {
        var model = new LoadModel { Kind = LoadModelKind.Max, Connections = 2, Warmup = TimeSpan.Zero, Duration = TimeSpan.FromSeconds(10), MaxRequests = 40 };
        var chunked = await RunAsync("/chunked/100000?chunk=1000", model);
        var close = await new LoadRunner([new RequestSpec { Url = fixture.Url("/bytes/1024"), ConnectionClose = true }], model).RunAsync(null, CancellationToken.None).WaitAsync(Bound);

        Assert.Equal(40, chunked.Measured.Requests);
        Assert.Equal(0, chunked.Measured.ErrorCount);
        Assert.True(chunked.Measured.BytesReceived > 40 * 100_000);
        Assert.Equal(0, close.Measured.ErrorCount);
        Assert.Equal(40, close.ConnectionsOpened);
    }

    [Fact]
    public async Task Warmup_TooFewRequestsForTheJit_IsBoundedByItsTime_AndNotSteady()
    {
        // 100/s for at most 0.6 s: ~60 requests, far below SteadyState.MinRequests, so only the bound can end it.
        var model = new LoadModel { Kind = LoadModelKind.ConstantRate, Rate = 100, Connections = 2, Warmup = TimeSpan.FromSeconds(0.6), Duration = TimeSpan.FromSeconds(0.3) };
        var run = await RunAsync("/bytes/64", model);

        Assert.NotNull(run.Warmup);
        Assert.False(run.Warmup.Steady);
        // Windows are at least 250 ms and end when the loop next looks, so their count depends on the machine: only
        // that there were some is certain.
        Assert.True(run.Warmup.Windows >= 1, "the warm-up ran in windows");
        Assert.InRange(run.Warmup.Requests, 1, 100);
        Assert.True(run.Warmup.Elapsed >= model.Warmup, "the bound, not steadiness, ended it");
    }

    [Fact]
    public async Task KeepAlive_AConnectionTheServerClosedWhileIdleIsReplacedNotFailed()
    {
        // 4 requests a second on one connection; the origin closes a connection idle for 100 ms, so each request
        // after the first finds its connection closed and must open a new one instead of failing on it.
        var model = new LoadModel { Kind = LoadModelKind.ConstantRate, Rate = 4, Connections = 1, Warmup = TimeSpan.Zero, Duration = TimeSpan.FromSeconds(5), MaxRequests = 5 };
        var run = await RunAsync("/bytes/16?idle_close_ms=100", model);

        Assert.Equal(5, run.Measured.Requests);
        Assert.Equal(0, run.Measured.ErrorCount);
        Assert.Equal(5, run.ConnectionsOpened);
    }

    private Task<LoadRunResult> RunAsync(string path, LoadModel model) =>
        new LoadRunner([new RequestSpec { Url = fixture.Url(path) }], model).RunAsync(null, CancellationToken.None).WaitAsync(Bound);
}
