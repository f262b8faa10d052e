using CorsLab.Components;

namespace CorsLab.Cli.Tests;

/// <summary>
/// The white-box tools on their own, for a gateway the lab did not start: <c>corslab receive</c> takes an engine's OTLP
/// export, <c>corslab capture --pid</c> records a running engine while requests go through it.
/// </summary>
[Collection(LabRunsCollection.Name)]
public sealed class CaptureAndReceiveCommandTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Receive_WritesTheSpansAndMetricsOfAnEngineThatExportsToIt()
    {
        var folder = Directory.CreateTempSubdirectory("corslab-receive-");
        using var deadline = new CancellationTokenSource(Bound);
        try
        {
            await using var receiver = await ComponentProcess.StartAsync("receiver", ["receive", "--out", folder.FullName], deadline.Token);
            await using var origin = await ComponentProcess.StartAsync("origin", ["origin", "--urls", "http://127.0.0.1:0"], deadline.Token);
            await using var proxy = await ComponentProcess.StartAsync(
                "proxy",
                ["proxy", "--engine", "pipelines", "--urls", "http://127.0.0.1:0", "--otlp-endpoint", receiver.Ready["http"], "--trace-sampling", "1"],
                deadline.Token,
                environment: new Dictionary<string, string> { ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf", ["OTEL_BSP_SCHEDULE_DELAY"] = "200" });
            using var client = new HttpClient();
            using var request = new HttpRequestMessage(HttpMethod.Get, $"{proxy.Ready["url"]}/?url={Uri.EscapeDataString(origin.Ready["http"] + "/bytes/16")}");
            request.Headers.Add("x-corslab-id", "receive-test-1");
            using var response = await client.SendAsync(request, deadline.Token);
            response.EnsureSuccessStatusCode();

            var spans = Path.Combine(folder.FullName, "spans.jsonl");
            while (!(File.Exists(spans) && (await File.ReadAllTextAsync(spans, deadline.Token)).Contains("receive-test-1", StringComparison.Ordinal)))
            {
                await Task.Delay(200, deadline.Token);
            }

            // The engine's meter exports every second: its forwarded counter arrives under its own pid.
            Assert.Equal(Path.Combine(folder.FullName, "metrics.jsonl"), receiver.Ready["metrics"]);
            var pid = $"\"pid\":{proxy.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
            while (!(File.Exists(receiver.Ready["metrics"]) && File.ReadLines(receiver.Ready["metrics"]).Any(line => line.Contains("corslab.proxy.forwarded", StringComparison.Ordinal) && line.Contains(pid, StringComparison.Ordinal))))
            {
                await Task.Delay(200, deadline.Token);
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Capture_RecordsARunningEngineUnderLoad()
    {
        var folder = Directory.CreateTempSubdirectory("corslab-capture-");
        using var deadline = new CancellationTokenSource(Bound);
        try
        {
            await using var origin = await ComponentProcess.StartAsync("origin", ["origin", "--urls", "http://127.0.0.1:0"], deadline.Token);
            await using var proxy = await ComponentProcess.StartAsync("proxy", ["proxy", "--engine", "pipelines", "--urls", "http://127.0.0.1:0"], deadline.Token);
            var capture = CorslabRun.RunAsync(["capture", "--pid", proxy.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), "--duration", "3s", "--out", folder.FullName], Bound);
            using var client = new HttpClient();
            var url = $"{proxy.Ready["url"]}/?url={Uri.EscapeDataString(origin.Ready["http"] + "/bytes/1024")}";
            while (!capture.IsCompleted)
            {
                (await client.GetAsync(url, deadline.Token)).Dispose();
            }

            var run = await capture;
            Assert.True(run.ExitCode == 0, run.Stderr);
            Assert.Contains("trace: ", run.Stdout, StringComparison.Ordinal);
            var trace = Assert.Single(folder.GetFiles("*.nettrace"));
            Assert.True(trace.Length > 0, "the .nettrace is empty");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0")]
    public async Task Capture_APidThatIsNoDotnetProcess_IsOneLine_Exit2(string pid)
    {
        var run = await CorslabRun.RunAsync(["capture", "--pid", pid, "--duration", "1s"], Bound);

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("corslab: --pid: ", line, StringComparison.Ordinal);
    }
}
