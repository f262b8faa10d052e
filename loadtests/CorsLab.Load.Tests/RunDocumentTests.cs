using CorsLab.Load.Engine;
using CorsLab.Load.Scenarios;
using CorsLab.Results;

namespace CorsLab.Load.Tests;

/// <summary>run.json keeps what was measured: a real measurement written and read back, histograms decoded.</summary>
public sealed class RunDocumentTests(OriginFixture fixture) : IClassFixture<OriginFixture>, IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"corslab-load-tests-{Guid.NewGuid():N}");

    [Fact]
    public async Task Measurement_RoundTrips_WithDecodableHistograms()
    {
        Assert.True(ScenarioCatalog.TryGet("small-get", out var scenario));
        var model = new LoadModel { Kind = LoadModelKind.ConstantRate, Rate = 200, Connections = 4, Warmup = TimeSpan.FromSeconds(0.2), Duration = TimeSpan.FromSeconds(1) };
        var measurement = await new ScenarioExecutor(fixture.Urls, fixture.Control).RunAsync(scenario, model, OriginFixture.Direct, 0, Environment.ProcessId, null, CancellationToken.None)
            .WaitAsync(TimeSpan.FromSeconds(30));
        var run = new RunDocument
        {
            Name = "test",
            StartedUtc = DateTimeOffset.UtcNow,
            Environment = RunEnvironment.Capture(null, "Test"),
            Targets = [OriginFixture.Direct],
            Measurements = [measurement],
        };

        await RunWriter.WriteAsync(_directory, run);
        var read = await RunWriter.ReadAsync(_directory);

        var back = Assert.Single(read.Measurements);
        Assert.Equal(RunDocument.SchemaV1, read.Schema);
        Assert.Equal(measurement.Requests, back.Requests);
        Assert.InRange(back.Requests, 100, 200);
        Assert.True(back.WarmupRequests > 0);
        Assert.Equal("constant-rate", back.Model.Kind);
        var latency = HistogramRecords.Decode(back.Latency);
        Assert.Equal(back.Requests, latency.TotalCount);
        Assert.Equal(back.Latency.P99, latency.GetValueAtPercentile(99));
        Assert.Equal(back.Requests, HistogramRecords.Decode(back.FirstByte!).TotalCount);
        Assert.Equal(back.Requests, back.Series.Sum(p => p.Requests));
        Assert.NotNull(back.ThreePoint);
        Assert.True(back.ThreePoint.Joined > 0);
        Assert.NotNull(back.Resources);
        Assert.Equal(measurement.Thresholds.Count, back.Thresholds.Count);
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
