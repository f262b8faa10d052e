using System.ComponentModel;
using System.Diagnostics;
using Microsoft.Diagnostics.NETCore.Client;

namespace CorsLab.Capture;

/// <summary>Whether a process id names a running .NET process the lab can open an EventPipe session on.</summary>
public static class CaptureTarget
{
    /// <summary>Null when <paramref name="processId"/> can be captured; else why not, as one line.</summary>
    public static string? Check(int processId)
    {
        if (processId <= 0)
        {
            return $"{processId} is not a process id";
        }

        try
        {
            using var process = Process.GetProcessById(processId);
            if (process.HasExited)
            {
                return $"process {processId} has exited";
            }
        }
        catch (Exception error) when (error is ArgumentException or InvalidOperationException or Win32Exception)
        {
            return $"no process {processId} is running";
        }

        // A .NET process (Core 3.0+) publishes a diagnostics port; anything else does not. A port file can outlive a
        // killed process whose id was reused, so the port must also answer.
        var notDotnet = $"process {processId} is not a .NET process with a diagnostics port (.NET Core 3.0 or later, DOTNET_EnableDiagnostics not 0)";
        if (!DiagnosticsClient.GetPublishedProcesses().Contains(processId))
        {
            return notDotnet;
        }

        try
        {
            new DiagnosticsClient(processId).GetProcessEnvironment();
            return null;
        }
        catch (Exception error) when (error is ServerNotAvailableException or ServerErrorException or UnsupportedCommandException or IOException or TimeoutException)
        {
            return notDotnet;
        }
    }
}
