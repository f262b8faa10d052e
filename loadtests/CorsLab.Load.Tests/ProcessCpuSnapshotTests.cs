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
    public void SinceByThreadName_PutsAThreadsWorkUnderItsName()
    {
        // The runtime gives a named thread that name in /proc (15 characters at most).
        const string name = "corslab-spinner";
        var before = ProcessCpuSnapshot.Take(Environment.ProcessId)!;
        using var stop = new ManualResetEventSlim();
        var spinner = new Thread(() =>
        {
            while (!stop.IsSet)
            {
                Thread.SpinWait(1000);
            }
        }) { Name = name };
        spinner.Start();

        // Until the spinner has 100 ms of CPU under its name, bounded: a snapshot that loses the names never gets there.
        var deadline = Stopwatch.StartNew();
        IReadOnlyDictionary<string, TimeSpan> byName;
        TimeSpan total;
        do
        {
            Thread.Sleep(20);
            var now = ProcessCpuSnapshot.Take(Environment.ProcessId)!;
            (byName, total) = (now.SinceByThreadName(before), now.Since(before));
        }
        while (byName.GetValueOrDefault(name) < TimeSpan.FromMilliseconds(100) && deadline.Elapsed < TimeSpan.FromSeconds(20));

        stop.Set();
        spinner.Join();
        Assert.InRange(byName.GetValueOrDefault(name).TotalMilliseconds, 100, total.TotalMilliseconds);
        Assert.Equal(total.Ticks, byName.Values.Sum(spent => spent.Ticks), tolerance: byName.Count);
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
