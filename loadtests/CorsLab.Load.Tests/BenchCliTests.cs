using System.Diagnostics;
using CorsLab.Components;
using CorsLab.Load.Scenarios;
using CorsLab.Results;

namespace CorsLab.Load.Tests;

/// <summary><c>corslab bench</c> as a real process, as a user runs it.</summary>
public sealed class BenchCliTests : IDisposable
{
    private readonly string _out = Path.Combine(Path.GetTempPath(), $"corslab-bench-tests-{Guid.NewGuid():N}");

    [Fact]
    public async Task UnknownScenario_Exits2_ListingTheScenarios()
    {
        var run = await CorslabRun.RunAsync(["bench", "--engines", "httpclient", "--scenarios", "small-get,nope", "--out", _out], TimeSpan.FromSeconds(30));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("unknown scenario 'nope'", run.Stderr, StringComparison.Ordinal);
        foreach (var name in ScenarioCatalog.Names)
        {
            Assert.Contains(name, run.Stderr, StringComparison.Ordinal);
        }

        Assert.False(Directory.Exists(_out), "nothing is started or written for bad input");
    }

    [Fact]
    public async Task UnreachableTarget_Exits2_Quickly()
    {
        var clock = Stopwatch.StartNew();
        var run = await CorslabRun.RunAsync(["bench", "--target", "http://127.0.0.1:1/?url={url}", "--scenarios", "small-get", "--out", _out], TimeSpan.FromSeconds(30));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("not reachable", run.Stderr, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task SmallGet_ThroughHttpClient_WritesDirectAndEngine()
    {
        var run = await CorslabRun.RunAsync(["bench", "--engines", "httpclient", "--scenarios", "small-get", "--duration", "1", "--warmup", "0.3", "--repeat", "1", "--out", _out, "--name", "tiny"], TimeSpan.FromSeconds(90));

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        var folder = Assert.Single(Directory.GetDirectories(_out));
        var document = await RunWriter.ReadAsync(folder);
        Assert.True(document.Complete);
        Assert.Equal(["direct", "httpclient"], document.Targets.Select(t => t.Name));
        Assert.Equal(["direct", "httpclient"], document.Measurements.Select(m => m.Target));
        Assert.All(document.Measurements, m =>
        {
            Assert.Equal("small-get", m.Scenario);
            Assert.True(m.Requests > 0);
            Assert.Equal(m.Requests, HistogramRecords.Decode(m.Latency).TotalCount + m.Errors.Values.Sum());
            Assert.NotNull(m.ThreePoint);
            Assert.NotNull(m.Resources);
        });
        Assert.Contains("small-get", run.Stdout, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_out))
        {
            Directory.Delete(_out, recursive: true);
        }
    }
}
