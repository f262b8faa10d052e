using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CorsLab.Diagnostics.Tests;

/// <summary>Runs the built <c>corslab</c> (the CLI's own output, same configuration as these tests) as a child process.</summary>
internal static class Corslab
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static async Task<(int ExitCode, string Output)> RunAsync(TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(CliAssembly());
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start corslab");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException($"corslab {string.Join(' ', arguments)} did not finish within {timeout}: {await output}{await error}");
        }

        return (process.ExitCode, await output + await error);
    }

    /// <summary>A port on 127.0.0.1 free a moment ago.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string CliAssembly()
    {
        // bin/<Configuration>/net10.0/ of this test assembly → the CLI's bin/<Configuration>/net10.0/.
        var directory = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = directory.Parent!.Name;
        var path = Path.Combine(RepoRoot, "cli", "CorsLab.Cli", "bin", configuration, directory.Name, "corslab.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"build the CLI first: {path}");
    }

    private static string FindRepoRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CorsLab.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("CorsLab.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>End-to-end tests load the machine: they run one at a time so each measures alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EndToEnd
{
    public const string Name = "end-to-end";
}
