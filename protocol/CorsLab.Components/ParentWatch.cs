using System.Diagnostics;

namespace CorsLab.Components;

/// <summary>
/// A child started by the lab exits when the lab does, even if the lab was killed outright
/// and could not stop it: no orphaned engine keeps a port or a CPU busy.
/// </summary>
public static class ParentWatch
{
    public const string ParentPidVariable = "CORSLAB_PARENT_PID";

    /// <summary>A token that fires when the parent named in the environment is gone; none when not a lab child.</summary>
    public static CancellationToken Start()
    {
        if (!int.TryParse(Environment.GetEnvironmentVariable(ParentPidVariable), out var pid))
        {
            return CancellationToken.None;
        }

        var gone = new CancellationTokenSource();
        _ = Task.Run(async () =>
        {
            using var parent = TryOpen(pid);
            if (parent is null)
            {
                await gone.CancelAsync();
                return;
            }

            await parent.WaitForExitAsync();
            await gone.CancelAsync();
        });
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
