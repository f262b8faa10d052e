using System.Text.Json;
using CorsLab.Components;

namespace CorsLab.Cli.Tests;

/// <summary>
/// <c>bench</c> traces its engines by default: the receiver's <c>spans.jsonl</c> lands in the run folder and the engine's
/// measurement carries the stage breakdown, which the report shows.
/// </summary>
[Collection(LabRunsCollection.Name)]
public sealed class BenchTracesTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Bench_WritesSpansAndTheStageBreakdown()
    {
        var runs = Directory.CreateTempSubdirectory("corslab-bench-traces-");
        try
        {
            var bench = await CorslabRun.RunAsync(
                ["bench", "--engines", "pipelines", "--scenarios", "small-get", "--quick", "--duration", "1s", "--warmup", "500ms", "--trace-sampling", "1", "--out", runs.FullName, "--name", "traced"],
                Bound);

            Assert.True(bench.ExitCode == 0, bench.Stderr);
            var folder = Assert.Single(runs.GetDirectories());
            Assert.True(new FileInfo(Path.Combine(folder.FullName, "spans.jsonl")).Length > 0, "spans.jsonl is empty");
            using var run = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder.FullName, "run.json")));
            var measurements = run.RootElement.GetProperty("measurements").EnumerateArray().ToList();
            var engine = Assert.Single(measurements, m => m.GetProperty("target").GetString() == "pipelines");
            Assert.True(engine.GetProperty("stages").GetProperty("tracedRequests").GetInt32() > 0);
            var direct = Assert.Single(measurements, m => m.GetProperty("target").GetString() == "direct");
            Assert.False(direct.TryGetProperty("stages", out var none) && none.ValueKind != JsonValueKind.Null, "direct has no engine spans");
            Assert.Contains("Stages inside the engine", await File.ReadAllTextAsync(Path.Combine(folder.FullName, "report.md")), StringComparison.Ordinal);
        }
        finally
        {
            runs.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Bench_SamplingZero_RunsTheEnginesUntraced()
    {
        var runs = Directory.CreateTempSubdirectory("corslab-bench-untraced-");
        try
        {
            var bench = await CorslabRun.RunAsync(
                ["bench", "--engines", "pipelines", "--scenarios", "small-get", "--quick", "--duration", "1s", "--warmup", "500ms", "--trace-sampling", "0", "--out", runs.FullName, "--name", "untraced"],
                Bound);

            Assert.True(bench.ExitCode == 0, bench.Stderr);
            var folder = Assert.Single(runs.GetDirectories());
            Assert.False(File.Exists(Path.Combine(folder.FullName, "spans.jsonl")), "an untraced bench started a receiver");
            Assert.DoesNotContain("OTLP receiver", bench.Stdout, StringComparison.Ordinal);
        }
        finally
        {
            runs.Delete(recursive: true);
        }
    }
}
