using System.Diagnostics;
using CorsLab.Components;

namespace CorsLab.Cli.Tests;

/// <summary>No child outlives the lab: killed on dispose, and gone by itself when its parent vanishes.</summary>
public sealed class ChildProcessTests
{
    [Fact]
    public async Task Engine_ExitsByItself_WhenItsParentDies()
    {
        using var parent = Process.Start(new ProcessStartInfo("sleep", "60") { UseShellExecute = false })!;
        var start = CorslabExecutable.CreateStartInfo(["proxy", "--engine", "httpclient", "--urls", "http://127.0.0.1:0"]);
        start.RedirectStandardOutput = true;
        start.Environment[ParentWatch.ParentPidVariable] = parent.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var engine = Process.Start(start)!;
        var ready = await engine.StandardOutput.ReadLineAsync();
        Assert.StartsWith("ready: url=http://127.0.0.1:", ready, StringComparison.Ordinal);

        parent.Kill();
        await parent.WaitForExitAsync();

        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await engine.WaitForExitAsync(bound.Token);
        }
        finally
        {
            if (!engine.HasExited)
            {
                engine.Kill(entireProcessTree: true);
            }
        }

        Assert.True(engine.HasExited);
    }

    [Fact]
    public async Task ComponentProcess_Dispose_KillsTheChild()
    {
        var component = await ComponentProcess.StartAsync("engine", ["proxy", "--engine", "yarp", "--urls", "http://127.0.0.1:0"], CancellationToken.None);
        var pid = component.ProcessId;
        Assert.True(IsRunning(pid));

        await component.DisposeAsync();

        Assert.False(IsRunning(pid));
    }

    [Fact]
    public async Task ComponentProcess_ChildFailingToStart_ThrowsItsErrorLine()
    {
        var error = await Assert.ThrowsAsync<ComponentStartException>(
            () => ComponentProcess.StartAsync("engine", ["proxy", "--engine", "nope"], CancellationToken.None));

        Assert.Contains("unknown engine 'nope'", error.Message, StringComparison.Ordinal);
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
