using System.Diagnostics;
using System.Globalization;

namespace CorsLab.Components;

/// <summary>
/// Keeps the load client and the processes it measures off each other's cores (<c>taskset</c>, util-linux): the lab
/// on the first CPU, the components on the others, each pinned with all its threads once it runs. Two processes of
/// one engine measured side by side in one duet trial on a shared 2-core machine differed by 15–20 % at p50 depending
/// on where the scheduler put them; split, they agreed within 1 %. Only where there are two CPUs or more and
/// <c>taskset</c> exists.
/// </summary>
/// <param name="MachineCpus">Every CPU this process may use when unpinned: what a component's runtime must see at its start.</param>
public sealed record CpuSplit(string LabCpus, string ComponentCpus, int MachineCpus)
{
    private const string Taskset = "taskset";

    /// <summary>The split for this machine, or null (one CPU, or no taskset) with the reason.</summary>
    public static (CpuSplit? Split, string? Reason) ForThisMachine()
    {
        var cpus = Environment.ProcessorCount;
        if (!OperatingSystem.IsLinux() || cpus < 2)
        {
            return (null, $"{cpus} CPU(s) on {Environment.OSVersion.Platform}: nothing to split");
        }

        if (!Exists(Taskset))
        {
            return (null, "taskset (util-linux) is not installed");
        }

        var last = (cpus - 1).ToString(CultureInfo.InvariantCulture);
        return (new CpuSplit("0", cpus == 2 ? last : $"1-{last}", cpus), null);
    }

    /// <summary>Pins every thread of this process (and so every thread it starts later) to <see cref="LabCpus"/>.</summary>
    public Task PinThisProcessAsync() => PinAsync(Environment.ProcessId, LabCpus);

    /// <summary>
    /// Every CPU again for this process, once its components have stopped: a component started from a pinned lab
    /// (a baseline's second run) would size its runtime for one CPU and cost a third more per request.
    /// </summary>
    public Task ReleaseThisProcessAsync() => PinAsync(Environment.ProcessId, $"0-{(MachineCpus - 1).ToString(CultureInfo.InvariantCulture)}");

    /// <summary>Pins every thread of a component already running (a gateway given by its pid) to <see cref="ComponentCpus"/>.</summary>
    public Task PinComponentAsync(int processId) => PinAsync(processId, ComponentCpus);

    private static async Task PinAsync(int processId, string cpus)
    {
        var start = new ProcessStartInfo(Taskset) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-a", "-p", "-c", cpus, processId.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start taskset");
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"taskset could not pin process {processId} to CPU {cpus}: {await process.StandardError.ReadToEndAsync()}");
        }
    }

    private static bool Exists(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(directory => File.Exists(Path.Combine(directory, program)));
}
