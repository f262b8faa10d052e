using CorsLab.Diagnostics.Findings;
using CorsLab.Results;

namespace CorsLab.Diagnostics.Verdict;

/// <summary>Which of a run's findings speak of one target in one scenario (the rules name it in their evidence).</summary>
internal static class ScenarioFindings
{
    public static IReadOnlyList<FindingRecord> WarnOrAbove(IEnumerable<FindingRecord> findings, string target, string scenario) =>
        findings
            .Where(finding => finding.Target == target && IsWarnOrAbove(finding) && Touches(finding, scenario))
            .ToList();

    public static bool IsWarnOrAbove(FindingRecord finding) =>
        FindingSeverities.TryParse(finding.Severity, out var severity) && severity >= FindingSeverity.Warn;

    private static bool Touches(FindingRecord finding, string scenario) =>
        (finding.Evidence.TryGetValue("scenarios", out var all) && all.Split(',').Contains(scenario, StringComparer.Ordinal))
        || (finding.Evidence.TryGetValue("scenario", out var one) && one == scenario);
}
