using CorsLab.Results;

namespace CorsLab.Diagnostics.Verdict;

/// <summary>
/// Picks the engine to ship: every ranked target is scored by the geometric mean, over the scenarios it ran, of how far
/// behind the best it was on the scenario's deciding metric; a target with a concern (a finding at warn or above,
/// failed spec cases) is only chosen when every target has one. The findings are the rules' verdicts from run.json:
/// this class weighs them, it does not judge behaviour itself.
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
                ConcernsOf(run, group.Key)))
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

    private static List<Concern> ConcernsOf(RunDocument run, string target)
    {
        var concerns = new List<Concern>();
        var findings = run.Findings
            .Where(finding => finding.Target == target && ScenarioFindings.IsWarnOrAbove(finding))
            .Select(finding => finding.Id)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (findings.Count > 0)
        {
            concerns.Add(new Concern(ConcernKind.Findings, findings.Count, findings));
        }

        var spec = run.Spec.Where(tally => tally.Target == target && tally.Failed > 0).ToList();
        if (spec.Count > 0)
        {
            concerns.Add(new Concern(ConcernKind.SpecFailures, spec.Sum(tally => tally.Failed), spec.SelectMany(tally => tally.FailedCases).ToList()));
        }

        return concerns;
    }
}
