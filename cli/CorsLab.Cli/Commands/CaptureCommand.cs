using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using CorsLab.Capture;
using CorsLab.Cli.Diagnose;
using CorsLab.Cli.Usage;
using CorsLab.Load.Capture;
using CorsLab.Results;

namespace CorsLab.Cli.Commands;

/// <summary>
/// <c>corslab capture --pid PID</c>: the diagnose capture (EventPipe, analysed with TraceEvent) on any running .NET
/// process for a while, under whatever load the user drives: a <c>.nettrace</c>, and the counts over the window.
/// </summary>
internal static class CaptureCommand
{
    private static readonly Option<string> Pid = new("--pid") { Description = "a running .NET process to capture", Required = true };
    private static readonly Option<string> Duration = new("--duration") { Description = "how long to record (Ctrl+C stops sooner)", DefaultValueFactory = _ => "30s" };
    private static readonly Option<bool> CaptureCpu = new("--capture-cpu") { Description = "also sample CPU stacks (hot methods, speedscope flame graph); raises the process's tail latency while on" };
    private static readonly Option<string?> Out = new("--out") { Description = "folder for the trace (default results/runs/STAMP-capture)" };

    public static Command Create()
    {
        var command = new Command("capture", "Record a running .NET process with EventPipe for a while and count what it did.");
        foreach (var option in new Option[] { Pid, Duration, CaptureCpu, Out })
        {
            command.Options.Add(option);
        }

        command.SetAction(RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var pid = CaptureChoice.ParsePid(parse.GetRequiredValue(Pid));
        var duration = DurationOption.Parse("--duration", parse.GetRequiredValue(Duration));
        var folder = parse.GetValue(Out)
            ?? Path.Combine("results", "runs", DateTimeOffset.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + "-capture");
        var target = new TargetInfo($"pid{pid}", TargetKinds.External, "", []);
        var capture = new EventPipeCapture(new CaptureSettings(folder, parse.GetValue(CaptureCpu)));
        await using var session = await capture.StartAsync(pid, target, "capture", 0, cancellationToken)
            ?? throw new UsageException($"--pid: process {pid} refused an EventPipe session (it left, or another tool holds one)");
        var started = Stopwatch.GetTimestamp();
        Console.Out.WriteLine($"capture: recording process {pid} for {duration.TotalSeconds:0.#} s (Ctrl+C stops sooner)");
        try
        {
            await Task.Delay(duration, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }

        // The window is what was recorded; its requests are the user's load, unknown here, so the counts are totals.
        var summary = await session.StopAsync(new CaptureWindow(started, Stopwatch.GetTimestamp(), 0, 0, null), CancellationToken.None);
        if (summary is null)
        {
            await Console.Error.WriteLineAsync($"corslab: the capture of process {pid} holds nothing usable");
            return ExitCodes.CouldNotMeasure;
        }

        Print(summary, folder);
        return ExitCodes.Success;
    }

    private static void Print(CaptureSummary summary, string folder)
    {
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            over {summary.WindowSeconds:0.0} s: {summary.DnsResolutions} DNS resolutions, {summary.TlsHandshakes} TLS handshakes, {summary.SocketConnects} socket connects
            ~{summary.AllocatedBytesSampled / 1048576.0:0.0} MB allocated (sampled), GCs {summary.Gen0Collections}/{summary.Gen1Collections}/{summary.Gen2Collections} (gen 0/1/2), {summary.PausedFraction:0.0%} paused
            {summary.ThreadPoolAdjustments} thread-pool adjustments ({summary.StarvationAdjustments} for starvation, {summary.BlockingAdjustments} for a thread blocked on a task), {summary.LockContentions} lock contentions, {summary.Exceptions} exceptions
            trace: {Path.Combine(folder, summary.TraceFile)}{(summary.FlameGraphFile is { } flame ? $"; flame graph: {Path.Combine(folder, flame)}" : "")}
            """));
    }
}
