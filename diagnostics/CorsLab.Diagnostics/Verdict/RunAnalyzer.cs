using CorsLab.Results;

namespace CorsLab.Diagnostics.Verdict;

/// <summary>The analysis stage: a <see cref="RunDocument"/> in, a <see cref="RunAnalysis"/> (data, no text) out.</summary>
public static class RunAnalyzer
{
    /// <summary>
    /// A load client that sends 1 ms late at p99 adds as much as a slow proxy to the small-request tail: past it a
    /// phase's latencies measure the lab. Quiet, this machine's load client sends 0.3–0.7 ms late at p99 (send lateness
    /// in run.json), so the bound flags a loaded lab, not normal jitter.
    /// </summary>
    public const double MaxSendLatenessP99Micros = 1_000;

    public static RunAnalysis Analyze(RunDocument run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var targets = run.Targets
            .GroupBy(target => target.Name, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.First(), StringComparer.Ordinal);

        // Scenarios in the order they first ran; each target's repeats in the order they ran. Where the corslab
        // driver and wrk both measured a scenario, the ranking is the corslab driver's (exact histograms); wrk's
        // figures are its cross-check.
        var scenarios = run.Measurements
            .GroupBy(measurement => measurement.Scenario, StringComparer.Ordinal)
            .Select(group => ScenarioRanker.Rank(group.Key, RankedDriver(group.ToList()), targets, run.Findings))
            .ToList();

        var late = run.Measurements.Where(measurement => measurement.SendLateness is { } lateness && LatenessTail(lateness) > MaxSendLatenessP99Micros).ToList();
        var caveats = CaveatsOf(run, scenarios);
        if (late.Count > 0)
        {
            caveats.Add(RunCaveat.LoadClientLate);
        }

        var bounded = Verdict.CeilingBound.Find(run);
        if (bounded.Count > 0)
        {
            caveats.Add(RunCaveat.NearLoadClientCeiling);
        }

        return new RunAnalysis(run, caveats, scenarios, Recommender.Recommend(run, scenarios), run.Measurements.Count(measurement => !measurement.Complete))
        {
            LatePhases = late,
            CeilingBound = bounded,
        };
    }

    private static List<ScenarioMeasurement> RankedDriver(List<ScenarioMeasurement> measurements) =>
        measurements.Any(m => m.Driver == DriverNames.Corslab)
            ? measurements.Where(m => m.Driver == DriverNames.Corslab).ToList()
            : measurements;

    /// <summary>
    /// The send lateness judged against the bound: its p99 when at least 1,000 requests stand behind it, else its
    /// p90 (a short phase's p99 is its few slowest requests), else nothing.
    /// </summary>
    public static double LatenessTail(HistogramRecord lateness)
    {
        ArgumentNullException.ThrowIfNull(lateness);
        return SampleSize.Supports(lateness.Count, 99) ? lateness.P99 : SampleSize.Supports(lateness.Count, 90) ? lateness.P90 : 0;
    }

    private static List<RunCaveat> CaveatsOf(RunDocument run, IReadOnlyList<ScenarioAnalysis> scenarios)
    {
        var caveats = new List<RunCaveat>();
        if (!run.Complete || run.Measurements.Any(measurement => !measurement.Complete))
        {
            caveats.Add(RunCaveat.Incomplete);
        }

        if (string.Equals(run.Environment.Configuration, "Debug", StringComparison.OrdinalIgnoreCase))
        {
            caveats.Add(RunCaveat.DebugBuild);
        }

        if (run.Measurements.Count == 0)
        {
            caveats.Add(RunCaveat.NoMeasurements);
        }
        else if (scenarios.SelectMany(scenario => scenario.Ranking).All(ranked => ranked.Stats.Repeats < 2))
        {
            caveats.Add(RunCaveat.SingleRepeat);
        }

        return caveats;
    }
}
