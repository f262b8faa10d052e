using CorsLab.Results;

namespace CorsLab.Tracing;

/// <summary>
/// Gives each engine measurement of a run the <see cref="StageBreakdown"/> of the requests traced during its measured
/// phase. Targets run one at a time, so the phase's time window alone says which traces are its; warm-up requests
/// fall before the window and stay out.
/// </summary>
public static class MeasurementStages
{
    public static RunDocument Attach(RunDocument run, IReadOnlyList<RequestTrace> traces)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (traces.Count == 0)
        {
            return run;
        }

        var engines = run.Targets.Where(t => t.Kind == TargetKinds.Engine).Select(t => t.Name).ToHashSet();
        var starts = traces.Select(t => (Trace: t, Start: ServerStart(t))).Where(t => t.Start is not null).ToArray();
        var measurements = run.Measurements.Select(m =>
        {
            if (!engines.Contains(m.Target))
            {
                return m;
            }

            var from = MeasuredPhase.StartUnixNs(m);
            var to = from + MeasuredPhase.LengthNs(m);
            var inside = starts.Where(t => t.Start >= from && t.Start <= to).Select(t => t.Trace);
            return StageBreakdownCalculator.Compute(inside) is { } stages ? m with { Stages = stages } : m;
        }).ToArray();
        return run with { Measurements = measurements };
    }

    private static ulong? ServerStart(RequestTrace trace) =>
        trace.Spans.FirstOrDefault(s => s.Name == StageBreakdownCalculator.ServerSpan)?.StartUnixNs;
}
