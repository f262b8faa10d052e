using System.Diagnostics;

namespace CorsLab.Cli.Processes;

/// <summary>The commit the run measured, so a result can be traced to its code.</summary>
internal static class GitRevision
{
    public static string? Read()
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", "rev-parse HEAD") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false });
            if (git is null)
            {
                return null;
            }

            var revision = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 && revision.Length > 0 ? revision : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
