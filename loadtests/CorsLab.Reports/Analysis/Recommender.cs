using CorsLab.Load.Results;

namespace CorsLab.Reports.Analysis;

/// <summary>
/// Picks the engine to ship: every ranked target is scored by the geometric mean, over the scenarios it ran, of how far
/// behind the best it was on the scenario's deciding metric; a target with a concern (a disqualifying misbehaviour,
/// failed spec cases, a critical finding) is only chosen when every target has one.
/// </summary>
internal static class Recommender
{
    /// <summary>A target that completed nothing is "infinitely" behind; capping keeps the geometric mean finite.</summary>
    private const double WorstRatio = 1000;

    public static Recommendation Recommend(RunDocument run, IReadOnlyList<ScenarioAnalysis> scenarios)
    {
        var entries = scenarios
            .SelectMany(scenario => scenario.Ranking.Select(ranked => (Scenario: scenario, Ranked: ranked)))
            .GroupBy(entry => entry.Ranked.Stats.Target, StringComparer.Ordinal);

        var candidates = entries
            .Select(group => new Candidate(
                group.Key,
                Math.Exp(group.Average(entry => Math.Log(Behind(entry.Scenario.Metric, entry.Ranked)))),
                group.Count(entry => entry.Ranked.Rank == 1),
                group.Count(),
                ConcernsOf(run, group.Key, group.Select(entry => entry.Ranked))))
            .OrderBy(candidate => candidate.Score)
            .ThenByDescending(candidate => candidate.Wins)
            .ToList();

        var chosen = candidates.FirstOrDefault(candidate => candidate.Qualified) ?? candidates.FirstOrDefault();
        var runnerUp = candidates.Where(candidate => candidate != chosen).OrderBy(candidate => !candidate.Qualified).FirstOrDefault();
        var unsettled = chosen is null
            ? []
            : scenarios
                .Where(scenario => scenario.Margin is Margin.WithinSpread or Margin.SingleRepeat)
                .Where(scenario => scenario.Ranking.Take(2).Any(ranked => ranked.Stats.Target == chosen.Target))
                .Select(scenario => scenario.Scenario)
                .ToList();

        return new Recommendation(chosen, runnerUp, chosen is { Qualified: false }, candidates, unsettled);
    }

    private static double Behind(DecidingMetric metric, RankedTarget ranked)
    {
        var ratio = metric == DecidingMetric.Throughput
            ? (ranked.ThroughputRatio > 0 ? 1 / ranked.ThroughputRatio : WorstRatio)
            : (ranked.P99Ratio > 0 ? ranked.P99Ratio : WorstRatio);
        return Math.Clamp(ratio, 1, WorstRatio);
    }

    private static List<Concern> ConcernsOf(RunDocument run, string target, IEnumerable<RankedTarget> rankings)
    {
        var concerns = rankings
            .SelectMany(ranked => ranked.Behaviours.Where(behaviour => behaviour.Disqualifies(ranked.Stats.Requests)))
            .Select(behaviour => new Concern(ConcernKind.Behaviour, behaviour, 0, []))
            .ToList();

        var spec = run.Spec.Where(tally => tally.Target == target && tally.Failed > 0).ToList();
        if (spec.Count > 0)
        {
            concerns.Add(new Concern(ConcernKind.SpecFailures, null, spec.Sum(tally => tally.Failed), spec.SelectMany(tally => tally.FailedCases).ToList()));
        }

        var critical = run.Findings
            .Where(finding => finding.Target == target && string.Equals(finding.Severity, "critical", StringComparison.OrdinalIgnoreCase))
            .Select(finding => finding.Id)
            .ToList();
        if (critical.Count > 0)
        {
            concerns.Add(new Concern(ConcernKind.CriticalFindings, null, critical.Count, critical));
        }

        return concerns;
    }
}
