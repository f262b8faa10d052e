using CorsLab.Diagnostics.Verdict;
using CorsLab.Reports.Exporters.Document;
using CorsLab.Reports.Exporters.Plots;

namespace CorsLab.Reports.Exporters.Composing;

/// <summary>What the report opens with: the caveats, the engine to ship and why, the overview plot, and each scenario's ranking.</summary>
internal static class VerdictSection
{
    /// <param name="overview">Every target against direct (<see cref="OverviewPlot"/>), shown on the first screen; null when the run has no direct.</param>
    public static IEnumerable<Block> Compose(RunAnalysis analysis, PlotFile? overview)
    {
        var run = analysis.Run;
        yield return new Heading(1, $"Verdict: {run.Name}, {Format.Utc(run.StartedUtc)}");
        foreach (var caveat in analysis.Caveats)
        {
            yield return Caveat(caveat, analysis);
        }

        yield return new Paragraph(Recommendation(analysis));
        if (overview is not null)
        {
            yield return new Figure(overview.FileName, overview.Caption);
        }

        foreach (var scenario in analysis.Scenarios)
        {
            yield return new Heading(3, $"{scenario.Scenario}: ranking");
            yield return new Paragraph(
                $"{Phrases.Model(scenario.Model)}, {Format.Plural(scenario.AllTargets.Select(stats => stats.Repeats).DefaultIfEmpty(0).Max(), "repeat", "repeats")}; ",
                $"{Phrases.Metric(scenario.Metric)}; {Phrases.Margin(scenario.Margin)}.");
            yield return RankingTable(scenario);
        }
    }

    private static Callout Caveat(RunCaveat caveat, RunAnalysis analysis) => caveat switch
    {
        RunCaveat.Incomplete => new Callout(CalloutKind.Warning,
        [
            Span.Bold("Incomplete run."),
            $" It was interrupted or failed{(analysis.IncompletePhases > 0 ? $" ({Format.Plural(analysis.IncompletePhases, "phase", "phases")} cut short)" : "")}: what is here was measured, but not everything was, and a missing scenario or target is not a result.",
        ]),
        RunCaveat.DebugBuild => new Callout(CalloutKind.Warning,
        [
            Span.Bold("Debug build."),
            $" Measured with configuration {analysis.Run.Environment.Configuration}: JIT optimisations are off and numbers say little about production. Rerun with a Release build.",
        ]),
        RunCaveat.NoMeasurements => new Callout(CalloutKind.Note, [Span.Bold("No measurements."), " run.json records no load phase: there is nothing to rank."]),
        RunCaveat.LoadClientLate => new Callout(CalloutKind.Warning,
        [
            Span.Bold("The load client was late."),
            $" In {string.Join(", ", analysis.LatePhases.Select(phase => $"{phase.Target} · {phase.Scenario} (send lateness {(SampleSize.Supports(phase.SendLateness!.Count, 99) ? "p99" : "p90")} {Format.Micros(RunAnalyzer.LatenessTail(phase.SendLateness))})"))} requests went out more than {Format.Micros(RunAnalyzer.MaxSendLatenessP99Micros)} after their intended time at the tail: those latencies carry the lab's own lateness and are not to be trusted. Rerun on a quieter machine or at a lower rate.",
        ]),
        RunCaveat.NearLoadClientCeiling => new Callout(CalloutKind.Warning,
        [
            Span.Bold("This figure measures the load client."),
            $" {string.Join(", ", analysis.CeilingBound.Select(CeilingPhrase))}: within {CeilingBound.Reach * 100:0} % of what the load client reaches against a trivial responder in its own process on this machine, so the target may be faster than shown. Compare targets on other scenarios, or give the load client a machine of its own.",
        ]),
        RunCaveat.SingleRepeat => new Callout(CalloutKind.Note,
        [
            Span.Bold("One repeat."),
            " Every target ran each scenario once, so there is no spread to tell a real difference from noise; rerun with more repeats before acting on a close call.",
        ]),
        _ => new Callout(CalloutKind.Note, [caveat.ToString()]),
    };

    private static string CeilingPhrase(CeilingBound bound) => bound.Metric == DecidingMetric.Throughput
        ? $"{bound.Measurement.Target} · {bound.Measurement.Scenario} ({Format.Rate(bound.Measurement.RequestsPerSecond)} req/s against a ceiling of {Format.Rate(bound.Ceiling.RequestsPerSecond)} req/s)"
        : $"{bound.Measurement.Target} · {bound.Measurement.Scenario} (p50 {Format.Micros(bound.Measurement.Latency.P50)} against a floor of {Format.Micros(bound.Ceiling.Latency.P50)})";

    private static List<Span> Recommendation(RunAnalysis analysis)
    {
        var recommendation = analysis.Recommendation;
        if (recommendation.Chosen is not { } chosen)
        {
            return ["Nothing to recommend: no engine or external target was measured in this run."];
        }

        var spans = new List<Span>();
        if (recommendation.AllHaveConcerns)
        {
            spans.AddRange(["No engine is clean in this run. The least bad is ", Span.Bold(chosen.Target), $", but it {Phrases.Concerns(chosen.Concerns)}. "]);
        }
        else if (recommendation.UnsettledScenarios.Count == chosen.Scenarios && recommendation.Candidates.Count > 1)
        {
            spans.AddRange(["No engine is clearly ahead for the measured workload: ", Span.Bold(chosen.Target), " leads, but not beyond the noise of this run. "]);
        }
        else
        {
            spans.AddRange(["Ship ", Span.Bold(chosen.Target), " for the measured workload. "]);
        }

        spans.Add(recommendation.Candidates.Count == 1
            ? $"It was the only engine measured, ranked in {Format.Plural(chosen.Scenarios, "scenario", "scenarios")}. "
            : $"It ranked first in {Format.Count(chosen.Wins)} of {Format.Plural(chosen.Scenarios, "scenario", "scenarios")}" +
              (chosen.Wins == chosen.Scenarios
                  ? ". "
                  : $"; on each scenario's deciding metric it is within {Format.Percent(chosen.Score - 1)} of the best (geometric mean over scenarios). "));

        if (DirectComparison(analysis, chosen.Target) is { } direct)
        {
            spans.Add(direct);
        }

        if (recommendation.RunnerUp is { } runnerUp)
        {
            spans.Add($"Runner-up: {runnerUp.Target}, on average {Format.Percent(runnerUp.Score - 1)} behind the best{(runnerUp.Qualified ? "" : $", but it {Phrases.Concerns(runnerUp.Concerns)}")}. ");
        }

        var others = recommendation.Candidates
            .Where(candidate => !candidate.Qualified && candidate != chosen && candidate != recommendation.RunnerUp)
            .Select(candidate => $"{candidate.Target} {Phrases.Concerns(candidate.Concerns)}")
            .ToList();
        if (others.Count > 0)
        {
            spans.Add($"Not recommended: {string.Join("; ", others)}. ");
        }

        if (recommendation.UnsettledScenarios.Count > 0)
        {
            spans.Add($"Its place in {Phrases.JoinAnd(recommendation.UnsettledScenarios)} is within the spread of repeats or rests on one repeat: rerun with more repeats before treating {(recommendation.UnsettledScenarios.Count == 1 ? "it" : "them")} as settled. ");
        }

        if (analysis.Caveats.Contains(RunCaveat.DebugBuild))
        {
            spans.Add("Measured on a Debug build: indicative only. ");
        }

        if (analysis.Caveats.Contains(RunCaveat.Incomplete))
        {
            spans.Add("The run is incomplete: scenarios or targets may be missing from this verdict.");
        }

        spans[^1] = spans[^1] with { Text = spans[^1].Text.TrimEnd() };
        return spans;
    }

    /// <summary>"Against the direct origin in small-get: 61% of its throughput, +1.2 ms on the median."</summary>
    private static string? DirectComparison(RunAnalysis analysis, string target)
    {
        foreach (var scenario in analysis.Scenarios)
        {
            var ranked = scenario.Ranking.FirstOrDefault(entry => entry.Stats.Target == target);
            if (ranked is { VersusDirect: { } share, P50OverDirect: { } added })
            {
                return $"Against the direct origin in {scenario.Scenario}: {Format.Percent(share)} of its throughput; on the median {added.Describe()}. ";
            }
        }

        return null;
    }

    private static Table RankingTable(ScenarioAnalysis scenario)
    {
        var table = new TableBuilder()
            .Column("#", numeric: true).Column("target")
            .Column("req/s (min–max)", numeric: true).Column("× best", numeric: true)
            .Column("p50 (min–max)", numeric: true).Column("× best", numeric: true)
            .Column("p99 (min–max)", numeric: true).Column("× best", numeric: true)
            .Column("vs direct").Column("findings");
        foreach (var ranked in scenario.Ranking)
        {
            var stats = ranked.Stats;
            table.Row(
                Format.Count(ranked.Rank),
                ranked.Rank == 1 ? Span.Bold(stats.Target) : Span.Code(stats.Target),
                Format.RateSpread(stats.Throughput),
                Format.Ratio(ranked.ThroughputRatio),
                Format.MicrosSpread(stats.P50),
                Format.Ratio(ranked.P50Ratio),
                SampleSize.Supports(stats.Representative.Latency.Count, 99) ? Format.MicrosSpread(stats.P99) : SampleSize.TooFew,
                Format.Ratio(ranked.P99Ratio),
                VersusDirect(ranked),
                ranked.Findings.Count == 0 ? "—" : string.Join("; ", ranked.Findings.Select(Phrases.Short)));
        }

        if (scenario.Direct is { } direct)
        {
            table.Row("ref", Span.Code(direct.Target), Format.RateSpread(direct.Throughput), "", Format.MicrosSpread(direct.P50), "", Format.MicrosSpread(direct.P99), "", "", "reference: the origin with no proxy");
        }

        return table.Build();
    }

    private static string VersusDirect(RankedTarget ranked) => ranked switch
    {
        { VersusDirect: { } share, P50OverDirect: { } added } => $"{Format.Percent(share)} req/s, p50 {(added.AboveDirect ? "+" + Format.Micros(added.Added) : "≈ direct")}",
        { VersusDirect: { } share } => $"{Format.Percent(share)} req/s",
        _ => "",
    };
}
