using CorsLab.Components;

namespace CorsLab.Diagnostics.Tests;

/// <summary>Runs the built <c>corslab</c> (copied beside these tests) as a child process, and finds the repository.</summary>
internal static class Corslab
{
    public static string RepoRoot { get; } = RepositoryRoot.Require();

    public static async Task<(int ExitCode, string Output)> RunAsync(TimeSpan timeout, params string[] arguments)
    {
        var run = await CorslabRun.RunAsync(arguments, timeout);
        return (run.ExitCode, run.Stdout + run.Stderr);
    }

    /// <summary>A port on 127.0.0.1 free a moment ago.</summary>
    public static int FreePort() => CorslabRun.FreePort();
}

/// <summary>End-to-end tests load the machine: they run one at a time so each measures alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EndToEnd
{
    public const string Name = "end-to-end";
}
