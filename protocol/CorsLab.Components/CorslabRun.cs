using System.Diagnostics;

namespace CorsLab.Components;

/// <summary>Runs the built <c>corslab</c> as a real process and collects what it printed.</summary>
public sealed record CorslabRun(int ExitCode, string Stdout, string Stderr)
{
    public static async Task<CorslabRun> RunAsync(IEnumerable<string> arguments, TimeSpan bound, IDictionary<string, string>? environment = null)
    {
        var start = CorslabExecutable.CreateStartInfo(arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(bound);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"corslab {string.Join(' ', arguments)} still running after {bound}");
        }

        return new CorslabRun(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>A port on 127.0.0.1 that was free a moment ago.</summary>
    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
