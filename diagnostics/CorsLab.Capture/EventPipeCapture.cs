using System.Text.RegularExpressions;
using CorsLab.Load.Capture;
using CorsLab.Results;
using Microsoft.Diagnostics.NETCore.Client;

namespace CorsLab.Capture;

/// <summary>
/// The load engine's capture hook as an EventPipe session (<see cref="DiagnosticsClient"/>) on the target's process:
/// one <c>TARGET-SCENARIO.nettrace</c> per scenario in the run folder, analysed when it stops.
/// </summary>
public sealed partial class EventPipeCapture(CaptureSettings settings) : IScenarioCapture
{
    /// <summary>Rundown, stacks and 1 kHz samples of a busy proxy fill a small buffer in a second; a lost event is a lost count.</summary>
    private const int BufferMegabytes = 256;

    public async Task<IScenarioCaptureSession?> StartAsync(int processId, TargetInfo target, string scenario, int repeat, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);

        // The check is DiagnosticsClient's synchronous IPC, read through the socket engine. A load client with inline
        // completions may call here on a socket event thread, where it would wait for a completion only that thread
        // delivers: diagnose's self-check hung so, on its first capture.
        if (await Task.Run(() => CaptureTarget.Check(processId), cancellationToken) is not null)
        {
            return null;
        }

        Directory.CreateDirectory(settings.Folder);
        var name = FileSafe().Replace($"{target.Name}-{scenario}{(repeat > 0 ? $"-{repeat + 1}" : "")}", "_");
        var client = new DiagnosticsClient(processId);
        EventPipeSession session;
        try
        {
            session = await client.StartEventPipeSessionAsync(CaptureProviders.For(settings.CpuSampling), requestRundown: true, BufferMegabytes, cancellationToken);
        }
        catch (Exception error) when (error is ServerNotAvailableException or ServerErrorException or UnsupportedCommandException)
        {
            // The process left, or refused a session (another tool holds one); the scenario is measured without.
            return null;
        }

        return new EventPipeCaptureSession(session, settings.Folder, name, settings.CpuSampling);
    }

    [GeneratedRegex("[^A-Za-z0-9._+-]")]
    private static partial Regex FileSafe();
}
