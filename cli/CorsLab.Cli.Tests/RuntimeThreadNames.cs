namespace CorsLab.Cli.Tests;

/// <summary>The names the .NET runtime gives its threads on Linux, by which a process's CPU is split per kind of work.</summary>
internal static class RuntimeThreadNames
{
    /// <summary>The socket engine's event threads: where completions run when they run inline.</summary>
    public const string SocketEvents = ".NET Sockets";

    public const string ThreadPool = ".NET TP Worker";
}
