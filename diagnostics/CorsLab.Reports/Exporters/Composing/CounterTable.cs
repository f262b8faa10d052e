using CorsLab.Diagnostics.Verdict;
using CorsLab.Reports.Exporters.Document;
using CorsLab.Results;

namespace CorsLab.Reports.Exporters.Composing;

/// <summary>
/// The engines' own counters over the measured phase of their median repeat (exported over OTLP each second):
/// means of rates, peaks of levels. A counter the engine did not export is "—" (pipelines has no Kestrel or HttpClient).
/// </summary>
internal static class CounterTable
{
    public static IEnumerable<Block> Compose(ScenarioAnalysis scenario)
    {
        var counted = scenario.AllTargets.Where(stats => stats.Representative.Counters.Count > 0).ToList();
        if (counted.Count == 0)
        {
            yield break;
        }

        yield return new Paragraph(Span.Bold("Counters inside the engine"), " (its runtime and server metrics, exported each second over the measured phase of the median repeat; rates are means, levels are peaks):");
        var table = new TableBuilder().Column("target").Column("forwarded/s", numeric: true).Column("CPU (cores)", numeric: true)
            .Column("allocated/s", numeric: true).Column("GCs/s", numeric: true).Column("GC paused", numeric: true)
            .Column("pool threads peak", numeric: true).Column("pool queue peak", numeric: true).Column("lock contentions/s", numeric: true)
            .Column("working set peak", numeric: true).Column("connections peak (in / out)", numeric: true);
        foreach (var stats in counted)
        {
            var m = stats.Representative;
            table.Row(
                Span.Code(stats.Target),
                Or(m.Counter(CounterNames.Forwarded, CounterStatistics.Rate)?.Mean(), Format.Rate),
                Or(m.Counter(CounterNames.CpuTime, CounterStatistics.Rate)?.Mean(), cores => Format.Decimal(cores)),
                Or(m.Counter(CounterNames.Allocated, CounterStatistics.Rate)?.Mean(), bytes => Format.Mebibytes((long)bytes)),
                Or(m.Counter(CounterNames.Collections, CounterStatistics.Rate)?.Mean(), perSecond => Format.Decimal(perSecond, "0.0")),
                Or(m.Counter(CounterNames.GcPauseTime, CounterStatistics.Rate)?.Mean(), Format.Percent),
                Or(m.Counter(CounterNames.ThreadPoolThreads, CounterStatistics.Value)?.Peak(), threads => Format.Count((long)threads)),
                Or(m.Counter(CounterNames.ThreadPoolQueue, CounterStatistics.Value)?.Peak(), queued => Format.Count((long)queued)),
                Or(m.Counter(CounterNames.LockContentions, CounterStatistics.Rate)?.Mean(), perSecond => Format.Decimal(perSecond, "0.0")),
                Or(m.Counter(CounterNames.WorkingSet, CounterStatistics.Value)?.Peak(), bytes => Format.Mebibytes((long)bytes)),
                $"{Or(m.Counter(CounterNames.KestrelConnections, CounterStatistics.Value)?.Peak(), Connections)} / {Or(m.Counter(CounterNames.ClientOpenConnections, CounterStatistics.Value)?.Peak(), Connections)}");
        }

        yield return table.Build();
    }

    private static string Connections(double count) => Format.Count((long)count);

    private static string Or(double? value, Func<double, string> format) => value is { } found ? format(found) : "—";
}
