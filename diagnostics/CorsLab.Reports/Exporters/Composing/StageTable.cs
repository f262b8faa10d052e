using CorsLab.Diagnostics.Verdict;
using CorsLab.Reports.Exporters.Document;
using CorsLab.Results;

namespace CorsLab.Reports.Exporters.Composing;

/// <summary>Where the time went inside each traced engine (<see cref="StageBreakdown"/>), one row per target and repeat.</summary>
internal static class StageTable
{
    public static IEnumerable<Block> Compose(ScenarioAnalysis scenario)
    {
        var traced = scenario.Measurements.Where(m => m.Stages is not null).OrderBy(m => m.Target, StringComparer.Ordinal).ThenBy(m => m.Repeat).ToList();
        if (traced.Count == 0)
        {
            yield break;
        }

        yield return new Paragraph(Span.Bold("Stages inside the engine"), " (medians over the traced requests of the measured phase, from the engine's spans):");
        var table = new TableBuilder().Column("target").Column("repeat", numeric: true).Column("traced", numeric: true)
            .Column("in proxy", numeric: true).Column("connect", numeric: true).Column("upstream head wait", numeric: true).Column("body copy", numeric: true);
        foreach (var measurement in traced)
        {
            var stages = measurement.Stages!;
            table.Row(
                Span.Code(measurement.Target),
                Format.Count(measurement.Repeat),
                Format.Count(stages.TracedRequests),
                Millis(stages.InProxyMs),
                Millis(stages.ConnectMs),
                Millis(stages.HeadWaitMs),
                Millis(stages.BodyCopyMs));
        }

        yield return table.Build();
    }

    private static string Millis(double? ms) => ms is { } value ? Format.Micros(value * 1000) : "—";
}
