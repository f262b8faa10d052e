using System.Globalization;
using CorsLab.Results;

namespace CorsLab.Cli.Commands;

/// <summary>The console view of captures: per scenario the white-box counts per request, and where the trace and flame graph are.</summary>
internal static class CaptureConsole
{
    public static void Print(IEnumerable<ScenarioMeasurement> measurements, string folder, Action<string> line)
    {
        var captured = measurements.Where(m => m.Capture is not null).ToArray();
        if (captured.Length == 0)
        {
            return;
        }

        line($"captures (EventPipe, per request; allocation sampled every ~100 KB) in {folder}");
        line($"{"target",-12} {"scenario",-16} {"requests",8} {"dns",6} {"tls",6} {"connects",9} {"alloc KB",9} {"gc 0/1/2",10} {"paused",7} {"injected",8} {"threads",8} {"locks",7} {"lock ms",8} {"exc",6} {"samples",8}");
        foreach (var m in captured)
        {
            var c = m.Capture!;
            line(string.Create(
                CultureInfo.InvariantCulture,
                $"{m.Target,-12} {m.Scenario,-16} {c.Requests,8} {c.PerRequest(c.DnsResolutions),6:0.##} {c.PerRequest(c.TlsHandshakes),6:0.##} {c.PerRequest(c.SocketConnects),9:0.###} {c.PerRequest(c.AllocatedBytesSampled) / 1024,9:0.0} {$"{c.Gen0Collections}/{c.Gen1Collections}/{c.Gen2Collections}",10} {c.PausedFraction,7:0.0%} {c.StarvationAdjustments + c.BlockingAdjustments,8} {(c.WorkerThreadsFirst is { } first ? $"{first}→{c.WorkerThreadsMax}" : "-"),8} {c.PerRequest(c.LockContentions),7:0.###} {c.LockContentionMilliseconds,8:0.##} {c.Exceptions,6} {c.CpuSamples,8}"));
        }

        foreach (var m in captured)
        {
            line($"  {m.Target} · {m.Scenario}: {Path.Combine(folder, m.Capture!.TraceFile)}{(m.Capture.FlameGraphFile is { } flame ? $", flame graph {Path.Combine(folder, flame)}" : "")}");
        }
    }
}
