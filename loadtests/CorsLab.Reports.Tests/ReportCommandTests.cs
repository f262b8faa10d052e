using System.Diagnostics;
using CorsLab.Load.Results;

namespace CorsLab.Reports.Tests;

/// <summary><c>corslab report</c> as a real process: bad input is one line and exit 2; a run folder renders.</summary>
public sealed class ReportCommandTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task MissingFolder_Exits2_WithOneLine()
    {
        var (exitCode, _, stderr) = await RunCorslabAsync("report", "/nonexistent/corslab-run");

        Assert.Equal(2, exitCode);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("corslab: /nonexistent/corslab-run: no such run folder", line);
    }

    [Fact]
    public async Task UnknownSchema_Exits2_NamingTheSupportedOne()
    {
        using var folder = RunFolder.Empty();
        await File.WriteAllTextAsync(Path.Combine(folder.Path, RunWriter.FileName), "{ \"schema\": \"corslab.run/9\" }");

        var (exitCode, _, stderr) = await RunCorslabAsync("report", folder.Path);

        Assert.Equal(2, exitCode);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("corslab.run/1", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunFolder_RendersAndNamesTheVerdict()
    {
        using var folder = await RunFolder.WriteAsync(RunBuilder.Lab().Build());

        var (exitCode, stdout, stderr) = await RunCorslabAsync("report", folder.Path);

        Assert.True(exitCode == 0, stderr);
        Assert.Contains("verdict: pipelines", stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(folder.Path, "report.md")));
        Assert.True(File.Exists(Path.Combine(folder.Path, "report.html")));
    }

    /// <summary>The CLI built beside this test (a project reference copies it here), run as its own process.</summary>
    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunCorslabAsync(params string[] arguments)
    {
        var directory = AppContext.BaseDirectory;
        var appHost = Path.Combine(directory, OperatingSystem.IsWindows() ? "corslab.exe" : "corslab");
        var start = File.Exists(appHost) ? new ProcessStartInfo(appHost) : new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet") { ArgumentList = { Path.Combine(directory, "corslab.dll") } };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Bound);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"corslab {string.Join(' ', arguments)} still running after {Bound}");
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
