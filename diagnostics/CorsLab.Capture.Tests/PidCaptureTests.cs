using System.Diagnostics;
using System.Text.RegularExpressions;
using CorsLab.Components;

namespace CorsLab.Capture.Tests;

/// <summary><c>corslab diagnose --target … --pid</c>: any running .NET process is captured; a bad pid is one line and exit 2.</summary>
[Collection(EndToEnd.Name)]
public sealed partial class PidCaptureTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task DiagnoseWithThePidOfAGatewayThatIsNoEngine_CapturesItsProcess()
    {
        using var timeout = new CancellationTokenSource(Bound);
        await using var gateway = await GatewayProcess.StartAsync(timeout.Token);
        var template = $"http://127.0.0.1:{gateway.Url.Port}/?url={{url}}";

        var run = await CorslabRun.RunAsync(["diagnose", "--target", template, "--pid", gateway.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), "--scenario", "named-get"], Bound);

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.Contains("captures (EventPipe", run.Stdout, StringComparison.Ordinal);
        var trace = TraceLine().Match(run.Stdout);
        Assert.True(trace.Success, run.Stdout);
        Assert.True(File.Exists(trace.Groups["path"].Value), trace.Groups["path"].Value);
        Assert.DoesNotContain("dns-per-request (needs a capture", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("2147483647")]
    public async Task APidThatIsNoRunningProcess_IsOneLine_Exit2(string pid)
    {
        var run = await CorslabRun.RunAsync(["diagnose", "--target", "http://127.0.0.1:9/?url={url}", "--pid", pid], Bound);

        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.Stderr.Trim().Split('\n'));
        Assert.StartsWith("corslab: --pid:", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APidOfAProcessThatIsNotDotnet_IsOneLine_Exit2()
    {
        using var sleeper = Process.Start(new ProcessStartInfo("sleep", "30") { UseShellExecute = false })!;
        try
        {
            var run = await CorslabRun.RunAsync(["diagnose", "--target", "http://127.0.0.1:9/?url={url}", "--pid", sleeper.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], Bound);

            Assert.Equal(2, run.ExitCode);
            Assert.Contains("is not a .NET process", run.Stderr, StringComparison.Ordinal);
            Assert.Single(run.Stderr.Trim().Split('\n'));
        }
        finally
        {
            sleeper.Kill();
        }
    }

    [GeneratedRegex(@"· named-get: (?<path>\S+\.nettrace)")]
    private static partial Regex TraceLine();
}
