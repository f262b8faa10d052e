using System.Diagnostics;
using CorsLab.Components;
using CorsLab.Load.Resources;

namespace CorsLab.Cli.Tests;

/// <summary>
/// Every command that drives load runs its load client's completions on the socket event threads, not the thread pool
/// (<c>LoadClientTuning</c>, applied at the command's entry). <c>diagnose</c> starts its origin before any load, and
/// tuned only deeper, in bench's session, its client ran on the pool. Read from the lab process's own threads while
/// it runs: where its CPU went, by the names the runtime gives them. Untuned, the socket threads did 3 % of the pool's
/// work (2 ms against 58); tuned, 70–190 % (the lab's other work, timers and the origin's timings, stays on the pool,
/// and more of it under a busy suite), so a quarter separates the two.
/// </summary>
[Collection(LabRunsCollection.Name)]
public sealed class LoadClientPlacementTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Diagnose_LoadClientRunsOnTheSocketThreads()
    {
        var start = CorslabExecutable.CreateStartInfo(["diagnose", "--engine", "pipelines", "--scenario", "reuse", "--no-capture"]);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var lab = Process.Start(start)!;
        var output = lab.StandardOutput.ReadToEndAsync();
        var errors = lab.StandardError.ReadToEndAsync();

        // Read every 100 ms until the process exits (/proc is gone after). A reading taken while it exits may miss threads
        // already gone (one read 0 ms on the socket threads), so each name keeps the most it was ever seen to have spent.
        var first = ProcessCpuSnapshot.Take(lab.Id);
        Assert.NotNull(first);
        var spent = new Dictionary<string, TimeSpan>();
        var deadline = Stopwatch.StartNew();
        try
        {
            while (!lab.HasExited && deadline.Elapsed < Bound)
            {
                foreach (var (name, time) in ProcessCpuSnapshot.Take(lab.Id)?.SinceByThreadName(first) ?? new Dictionary<string, TimeSpan>())
                {
                    spent[name] = time > spent.GetValueOrDefault(name) ? time : spent.GetValueOrDefault(name);
                }

                await Task.Delay(100);
            }
        }
        finally
        {
            if (!lab.HasExited)
            {
                lab.Kill(entireProcessTree: true);
            }
        }

        await lab.WaitForExitAsync();

        Assert.True(lab.ExitCode == 0, $"exit {lab.ExitCode}\n{await output}\n{await errors}");
        var sockets = spent.GetValueOrDefault(RuntimeThreadNames.SocketEvents);
        var pool = spent.GetValueOrDefault(RuntimeThreadNames.ThreadPool);
        Assert.True(sockets * 4 > pool, $"diagnose's lab: {RuntimeThreadNames.SocketEvents} {sockets.TotalMilliseconds:0} ms, {RuntimeThreadNames.ThreadPool} {pool.TotalMilliseconds:0} ms");
        Assert.DoesNotContain("warning: the load client", await output, StringComparison.Ordinal);
    }
}
