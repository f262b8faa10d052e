using System.Diagnostics;
using CorsLab.Components;
using CorsLab.Load.Resources;

namespace CorsLab.Cli.Tests;

/// <summary>
/// No child outlives the lab: killed on dispose, and gone by itself when its parent vanishes, at no cost while it
/// waits. Split off the lab, a child runs on the components' CPUs with every thread.
/// </summary>
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

    /// <summary>
    /// Watching for its parent used to cost an idle engine 14 ms of CPU a second (the runtime's poll of a process that
    /// is not its child wakes the thread pool every 100 ms), counted against it whenever the gate read its CPU.
    /// </summary>
    [Fact]
    public async Task Engine_WatchingItsParent_SpendsNothingWhileIdle()
    {
        await using var engine = await ComponentProcess.StartAsync("engine", ["proxy", "--engine", "pipelines", "--urls", "http://127.0.0.1:0"], CancellationToken.None);

        // Past start-up's own work (tiered compilation of what ran before the ready line).
        await Task.Delay(TimeSpan.FromSeconds(2));
        var before = ProcessCpuSnapshot.Take(engine.ProcessId)!;
        await Task.Delay(TimeSpan.FromSeconds(3));
        var spent = ProcessCpuSnapshot.Take(engine.ProcessId)!.Since(before);

        Assert.True(spent < TimeSpan.FromMilliseconds(15), $"an idle engine spent {spent.TotalMilliseconds:0.0} ms of CPU in 3 s");
    }

    [Fact]
    public async Task ComponentProcess_WithCpuSplit_PinsEveryThreadOnceReady()
    {
        var (cpus, reason) = CpuSplit.ForThisMachine();
        Assert.True(cpus is not null, reason);

        await using var engine = await ComponentProcess.StartAsync("engine", ["proxy", "--engine", "pipelines", "--urls", "http://127.0.0.1:0"], CancellationToken.None, cpus);

        var allowed = Directory.EnumerateDirectories($"/proc/{engine.ProcessId}/task").Select(AllowedCpus).ToArray();
        Assert.True(allowed.Length > 1, "a runtime has more than one thread");
        Assert.All(allowed, list => Assert.Equal(cpus.ComponentCpus, list));
    }

    /// <summary>
    /// Started on one CPU (as from a lab still pinned by an earlier run), a runtime sizes itself for one and costs a third
    /// more per request: such a component is refused, and stopped, before anything measures it.
    /// </summary>
    [Fact]
    public async Task ComponentProcess_StartedPinned_IsRefused()
    {
        var (cpus, reason) = CpuSplit.ForThisMachine();
        Assert.True(cpus is not null, reason);

        var error = await Assert.ThrowsAsync<ComponentStartException>(() => ComponentProcess.StartAsync(
            "engine", ["proxy", "--engine", "pipelines", "--urls", "http://127.0.0.1:0"], CancellationToken.None, cpus, launcher: OnTheFirstCpu));

        Assert.Contains($"engine started on 1 of {cpus.MachineCpus} CPUs", error.Message, StringComparison.Ordinal);
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

    private static ProcessStartInfo OnTheFirstCpu(ProcessStartInfo start)
    {
        var pinned = new ProcessStartInfo("taskset") { UseShellExecute = false };
        foreach (var argument in new[] { "-c", "0", start.FileName }.Concat(start.ArgumentList))
        {
            pinned.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in start.Environment)
        {
            pinned.Environment[key] = value;
        }

        return pinned;
    }

    private static string AllowedCpus(string taskDirectory) =>
        File.ReadLines(Path.Combine(taskDirectory, "status")).First(line => line.StartsWith("Cpus_allowed_list:", StringComparison.Ordinal)).Split(':')[1].Trim();

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
