using CorsLab.Capture;
using CorsLab.Cli.Usage;
using CorsLab.Load.Capture;

namespace CorsLab.Cli.Diagnose;

/// <summary>Whether and how a command captures its targets' processes: the folder the traces go to, CPU sampling on or off.</summary>
internal static class CaptureChoice
{
    /// <summary>The capture hook for <paramref name="folder"/>, or null when captures are off.</summary>
    public static IScenarioCapture? Create(bool capture, string folder, bool cpuSampling) =>
        capture ? new EventPipeCapture(new CaptureSettings(folder, cpuSampling)) : null;

    /// <summary><c>--pid</c>: a running .NET process's id, or one line and exit 2.</summary>
    public static int ParsePid(string text)
    {
        if (!int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var pid))
        {
            throw new UsageException($"--pid: '{text}' is not a process id (a positive whole number)");
        }

        return CaptureTarget.Check(pid) is { } why ? throw new UsageException($"--pid: {why}") : pid;
    }
}
