using System.Text.Json;
using CorsLab.Components;

namespace CorsLab.Cli.Tests;

/// <summary>
/// <c>bench</c> traces its engines by default: the receiver's <c>spans.jsonl</c> and <c>metrics.jsonl</c> land in the
/// run folder and the engine's measurement carries the stage breakdown and its counters, which the report shows.
/// </summary>
[Collection(LabRunsCollection.Name)]
public sealed class BenchTracesTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Bench_WritesSpansMetricsStagesAndCounters()
    {
        await BenchAsync("1", async (bench, folder) =>
        {
            Assert.True(new FileInfo(Path.Combine(folder.FullName, "spans.jsonl")).Length > 0, "spans.jsonl is empty");
            Assert.True(new FileInfo(Path.Combine(folder.FullName, "metrics.jsonl")).Length > 0, "metrics.jsonl is empty");
            using var run = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder.FullName, "run.json")));
            var measurements = run.RootElement.GetProperty("measurements").EnumerateArray().ToList();
            var engine = Assert.Single(measurements, m => m.GetProperty("target").GetString() == "pipelines");
            Assert.True(engine.GetProperty("stages").GetProperty("tracedRequests").GetInt32() > 0);
            var cpu = Assert.Single(engine.GetProperty("counters").EnumerateArray(), c => c.GetProperty("name").GetString() == "dotnet.process.cpu.time");
            Assert.Equal("rate", cpu.GetProperty("statistic").GetString());
            Assert.Contains(cpu.GetProperty("points").EnumerateArray(), p => p.GetProperty("value").GetDouble() > 0);
            var direct = Assert.Single(measurements, m => m.GetProperty("target").GetString() == "direct");
            Assert.False(direct.TryGetProperty("stages", out var none) && none.ValueKind != JsonValueKind.Null, "direct has no engine spans");
            Assert.Equal(0, direct.GetProperty("counters").GetArrayLength());
            var report = await File.ReadAllTextAsync(Path.Combine(folder.FullName, "report.md"));
            Assert.Contains("Stages inside the engine", report, StringComparison.Ordinal);
            Assert.Contains("Counters inside the engine", report, StringComparison.Ordinal);
            Assert.Contains("metrics: ", bench.Stdout, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Bench_SamplingZero_RunsTheEnginesUntraced()
    {
        await BenchAsync("0", (bench, folder) =>
        {
            Assert.False(File.Exists(Path.Combine(folder.FullName, "spans.jsonl")), "an untraced bench started a receiver");
            Assert.DoesNotContain("OTLP receiver", bench.Stdout, StringComparison.Ordinal);
            return Task.CompletedTask;
        });
    }

    /// <summary>A one-second bench of pipelines on small-get at <paramref name="sampling"/>, then <paramref name="check"/> on its run folder.</summary>
    private static async Task BenchAsync(string sampling, Func<CorslabRun, DirectoryInfo, Task> check)
    {
        var runs = Directory.CreateTempSubdirectory("corslab-bench-traces-");
        try
        {
            var bench = await CorslabRun.RunAsync(
                ["bench", "--engines", "pipelines", "--scenarios", "small-get", "--quick", "--duration", "1s", "--warmup", "500ms", "--trace-sampling", sampling, "--out", runs.FullName, "--name", "traces"],
                Bound);

            Assert.True(bench.ExitCode == 0, bench.Stderr);
            await check(bench, Assert.Single(runs.GetDirectories()));
        }
        finally
        {
            runs.Delete(recursive: true);
        }
    }
}
