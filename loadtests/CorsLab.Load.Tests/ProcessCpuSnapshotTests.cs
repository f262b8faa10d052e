using System.Diagnostics;
using CorsLab.Load.Resources;

namespace CorsLab.Load.Tests;

/// <summary>Per-thread CPU from the scheduler: it grows with the work done, and a process that is gone has none to read.</summary>
public sealed class ProcessCpuSnapshotTests
{
    [Fact]
    public void Since_CountsTheCpuTheProcessSpent()
    {
        using var self = Process.GetCurrentProcess();
        var before = ProcessCpuSnapshot.Take(Environment.ProcessId)!;
        var cpuBefore = self.TotalProcessorTime;

        // Work until the kernel's own (10 ms tick) account says 200 ms of CPU went by, however busy the machine is.
        while ((Refreshed(self).TotalProcessorTime - cpuBefore).TotalMilliseconds < 200)
        {
            Thread.SpinWait(1000);
        }

        var spent = ProcessCpuSnapshot.Take(Environment.ProcessId)!.Since(before);
        var reported = self.TotalProcessorTime - cpuBefore;

        Assert.InRange(spent.TotalMilliseconds, 150, reported.TotalMilliseconds + 100);
    }

    [Fact]
    public void Take_ProcessThatExited_IsNull()
    {
        using var gone = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        gone.WaitForExit();

        Assert.Null(ProcessCpuSnapshot.Take(gone.Id));
    }

    private static Process Refreshed(Process process)
    {
        process.Refresh();
        return process;
    }
}
