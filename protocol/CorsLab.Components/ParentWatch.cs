using System.Diagnostics;

namespace CorsLab.Components;

/// <summary>
/// A child started by the lab exits when the lab does, even if the lab was killed outright
/// and could not stop it: no orphaned engine keeps a port or a CPU busy.
/// </summary>
public static class ParentWatch
{
    public const string ParentPidVariable = "CORSLAB_PARENT_PID";

    private static readonly TimeSpan LookEvery = TimeSpan.FromMilliseconds(500);

    /// <summary>A token that fires when the parent named in the environment is gone; none when not a lab child.</summary>
    public static CancellationToken Start()
    {
        if (!int.TryParse(Environment.GetEnvironmentVariable(ParentPidVariable), out var pid))
        {
            return CancellationToken.None;
        }

        // One thread of its own, asleep between looks. The runtime's WaitForExitAsync polls a process that is not its
        // child from the thread pool every 100 ms, and each wake-up left a pool worker spinning for more work: 1.4 % of
        // a core in an idle engine, taken from the core it shares with the origin while the gate measures its CPU.
        var gone = new CancellationTokenSource();
        var watcher = new Thread(() =>
        {
            using var parent = TryOpen(pid);
            while (parent is { HasExited: false })
            {
                Thread.Sleep(LookEvery);
            }

            gone.Cancel();
        })
        {
            IsBackground = true,
            Name = "corslab parent",
        };
        watcher.Start();
        return gone.Token;
    }

    private static Process? TryOpen(int pid)
    {
        try
        {
            return Process.GetProcessById(pid);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
