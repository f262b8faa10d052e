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
    public async Task UnreachableTarget_Exits2_BeforeAnythingStarts()
    {
        var run = await CorslabRun.RunAsync(["bench", "--target", "http://127.0.0.1:1/?url={url}", "--scenarios", "small-get", "--out", _out], TimeSpan.FromSeconds(30));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("not reachable", run.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_out), "checked before the run folder is made");
    }

    [Theory]
    [InlineData("--target,http://127.0.0.1:9/?url={url}", "does not combine with --target")]
    [InlineData("--driver,wrk", "drop --driver wrk")]
    [InlineData("--scenarios,small-get,reuse", "measures one scenario")]
    public async Task Calibrate_WithWhatItCannotJudge_Exits2(string extra, string expected)
    {
        var extraArguments = extra.Split(',', 2);
        var run = await CorslabRun.RunAsync(["bench", "--calibrate", .. extraArguments, "--out", _out], TimeSpan.FromSeconds(30));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_out));
    }

    /// <summary>
    /// The structure, not the verdict: whether a quick calibration lands depends on the machine's load, so the exit
    /// code may be 0 or 1; every point must be measured, judged and printed either way.
    /// </summary>
    [Fact]
    public async Task Calibrate_Quick_MeasuresAndJudgesEveryPoint()
    {
        var run = await CorslabRun.RunAsync(["bench", "--calibrate", "--engines", "pipelines", "--quick", "--repeat", "1", "--out", _out], TimeSpan.FromSeconds(180));

        Assert.True(run.ExitCode is 0 or 1, run.Stdout + run.Stderr);
        var document = await RunWriter.ReadAsync(Assert.Single(Directory.GetDirectories(_out)));
        Assert.True(document.Complete);
        Assert.Equal(["direct", "pipelines", "pipelines+0us", "pipelines+100us", "pipelines+500us", "pipelines+2000us"], document.Targets.Select(t => t.Name));
        Assert.Equal(["added-latency=100us"], document.Targets.Single(t => t.Name == "pipelines+100us").Faults);
        var calibration = Assert.IsType<CalibrationRecord>(document.Calibration);
        Assert.Equal(ScenarioNames.SmallGet, calibration.Scenario);
        Assert.Equal([0.0, 100, 500, 2000], calibration.Results.Select(r => r.AddedMicros));
        Assert.All(calibration.Results, result => Assert.True(result.Samples > 0));
        Assert.Equal(run.ExitCode == 0, calibration.Results.All(result => result.Within));
        Assert.Contains("calibration (small-get", run.Stdout, StringComparison.Ordinal);
        Assert.Single(document.Ceilings);
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
