using System.Globalization;
using CorsLab.Reports.Exporters.Document;
using CorsLab.Results;

namespace CorsLab.Reports.Exporters.Composing;

/// <summary>
/// The EventPipe captures: per target and scenario what the target's own process did per request (the white-box rules'
/// evidence, judged in Findings), with the <c>.nettrace</c> and the flame graph beside the report.
/// </summary>
internal static class CaptureSection
{
    public static IEnumerable<Block> Compose(RunDocument run)
    {
        var captured = run.Measurements.Where(m => m.Capture is not null).ToArray();
        if (captured.Length == 0)
        {
            yield break;
        }

        yield return new Heading(2, "Captures (EventPipe)");
        yield return new Paragraph(
            "Each engine's process recorded over each scenario's measured phase; counts per request. Allocation is the sum of the runtime's " +
            "allocation ticks (one per ~100 KB), so it is an estimate; paused is the share of the phase the GC held threads; injected counts thread-pool " +
            "threads added for starvation or for a thread blocked on a task. Open a .nettrace in PerfView or dotnet-trace, a flame graph in speedscope.");
        var table = new TableBuilder()
            .Column("target").Column("scenario").Column("requests", numeric: true).Column("DNS", numeric: true).Column("TLS", numeric: true)
            .Column("connects", numeric: true).Column("alloc KB", numeric: true).Column("GCs 0/1/2", numeric: true).Column("paused", numeric: true)
            .Column("injected", numeric: true).Column("locks", numeric: true).Column("exceptions", numeric: true).Column("trace").Column("flame graph");
        foreach (var m in captured)
        {
            var c = m.Capture!;
            table.Row(
                Span.Code(m.Target),
                m.Repeat > 0 ? $"{m.Scenario} #{m.Repeat + 1}" : m.Scenario,
                Format.Count(c.Requests),
                PerRequest(c, c.DnsResolutions),
                PerRequest(c, c.TlsHandshakes),
                PerRequest(c, c.SocketConnects),
                (c.PerRequest(c.AllocatedBytesSampled) / 1024).ToString("0.0", CultureInfo.InvariantCulture),
                $"{c.Gen0Collections}/{c.Gen1Collections}/{c.Gen2Collections}",
                c.PausedFraction.ToString("0.0%", CultureInfo.InvariantCulture),
                Format.Count(c.StarvationAdjustments + c.BlockingAdjustments),
                PerRequest(c, c.LockContentions),
                Format.Count(c.Exceptions),
                Span.File(c.TraceFile),
                c.FlameGraphFile is { } flame ? Span.File(flame) : "-");
        }

        yield return table.Build();
    }

    private static string PerRequest(CaptureSummary capture, long count) => capture.PerRequest(count).ToString("0.###", CultureInfo.InvariantCulture);
}
