using System.Diagnostics;

namespace CorsLab.Capture.Tests;

/// <summary>The test gateway (not a lab engine) as a child process on 127.0.0.1, killed with its tree on dispose.</summary>
internal sealed class GatewayProcess : IAsyncDisposable
{
    private readonly Process _process;

    private GatewayProcess(Process process, Uri url)
    {
        _process = process;
        Url = url;
    }

    public Uri Url { get; }

    public int ProcessId => _process.Id;

    public static async Task<GatewayProcess> StartAsync(CancellationToken cancellationToken)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "CorsLab.Capture.TestGateway.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { dll, "--urls", "http://127.0.0.1:0" })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        while (await process.StandardOutput.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.StartsWith("listening ", StringComparison.Ordinal))
            {
                return new GatewayProcess(process, new Uri(line["listening ".Length..]));
            }
        }

        throw new InvalidOperationException($"the test gateway exited ({process.ExitCode}) before it listened");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
