using CorsLab.Results;

namespace CorsLab.Diagnostics.Findings;

/// <summary>
/// The rule catalog and its entry points. <see cref="Evaluate(RunDocument)"/> is what <c>corslab investigate</c>
/// calls on a run: every non-direct target's measurements against direct's, as run.json records.
/// </summary>
public static class FindingRules
{
    /// <summary>The black-box rules: client and origin timings only, so they hold for any proxy in any language.</summary>
    public static IReadOnlyList<IFindingRule> BlackBox { get; } =
    [
        new ResponseBufferingRule(),
        new RequestBufferingRule(),
        new NagleDelayRule(),
        new UpstreamNagleDelayRule(),
        new ConnectionChurnRule(),
        new ClientConnectionChurnRule(),
        new ExpectContinueDelayRule(),
        new ConnectionPoolLimitRule(),
        new StaleUpstreamConnectionRule(),
        new MissingUpstreamTimeoutRule(),
        new ProxyOverheadRule(),
        new ThroughputStallRule(),
        new RequestErrorsRule(),
    ];

    /// <summary>
    /// The white-box rules: they read an EventPipe capture of the target's process, so they hold for a .NET target whose
    /// process the lab can open (an engine it starts, or <c>--pid</c>), and say "not checked" for any other.
    /// </summary>
    public static IReadOnlyList<IFindingRule> WhiteBox { get; } =
    [
        new DnsPerRequestRule(),
        new TlsHandshakePerRequestRule(),
        new ThreadPoolStarvationRule(),
        new GcPressureRule(),
        new LockContentionRule(),
        new CpuHotspotRule(),
    ];

    /// <summary>Every rule: black-box and white-box. The default of every entry point.</summary>
    public static IReadOnlyList<IFindingRule> All { get; } = [.. BlackBox, .. WhiteBox];

    /// <summary>Runs every rule over one target's evidence; findings ordered by severity (critical first), then id.</summary>
    public static IReadOnlyList<Finding> Evaluate(TargetEvidence evidence, IEnumerable<IFindingRule>? rules = null)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        return (rules ?? All)
            .Select(rule => rule.Evaluate(evidence))
            .OfType<Finding>()
            .OrderByDescending(finding => finding.Severity)
            .ThenBy(finding => finding.Id, StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>
    /// The rules that had no evidence for this target, with what they lacked: none of the scenarios they read was
    /// measured, or those that were carry no origin timings (a user's own upstream). Named, so silence is never
    /// mistaken for a clean result.
    /// </summary>
    public static IReadOnlyList<(string Rule, string Why)> NotChecked(TargetEvidence evidence, IEnumerable<IFindingRule>? rules = null)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var measured = evidence.Scenarios.ToHashSet(StringComparer.Ordinal);
        var result = new List<(string Rule, string Why)>();
        foreach (var rule in rules ?? All)
        {
            var read = rule.Scenarios.Where(measured.Contains).ToArray();
            if (rule.Scenarios.Count > 0 && read.Length == 0)
            {
                result.Add((rule.Id, $"needs {string.Join(" or ", rule.Scenarios)}; add --scenario"));
            }
            else if (rule.NeedsCapture && !(rule.Scenarios.Count > 0 ? read : [.. measured]).Any(scenario => evidence.Measured(scenario)?.Capture is not null))
            {
                result.Add((rule.Id, NeedsCaptureWhy));
            }
            else if (rule.NeedsOriginTimings && read.Length > 0 && read.All(scenario => evidence.Measured(scenario)?.ThreePoint is null))
            {
                result.Add((rule.Id, $"needs the lab origin's timings, which {string.Join(", ", read)} did not have: its upstream was not the lab's origin"));
            }
        }

        return result;
    }

    /// <summary>What a white-box rule with no capture to read says.</summary>
    public const string NeedsCaptureWhy = "needs a capture: --pid or an engine the lab starts";

    /// <summary>
    /// Findings for every target of <paramref name="run"/> except <c>direct</c> (the reference), as
    /// <see cref="FindingRecord"/>s for <see cref="RunDocument.Findings"/>. Targets are those in
    /// <see cref="RunDocument.Targets"/>, or, when that is empty, those named by the measurements.
    /// </summary>
    public static IReadOnlyList<FindingRecord> Evaluate(RunDocument run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var directNames = run.Targets.Where(t => t.Kind == TargetKinds.Direct).Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        if (directNames.Count == 0)
        {
            directNames.Add(TargetKinds.Direct);
        }

        var direct = run.Measurements.Where(m => directNames.Contains(m.Target)).ToArray();
        var targets = run.Targets.Count > 0
            ? run.Targets.Where(t => !directNames.Contains(t.Name)).Select(t => t.Name)
            : run.Measurements.Select(m => m.Target).Where(name => !directNames.Contains(name)).Distinct(StringComparer.Ordinal);
        var records = new List<FindingRecord>();
        foreach (var target in targets)
        {
            var evidence = new TargetEvidence(target, run.Measurements.Where(m => m.Target == target), direct);
            records.AddRange(Evaluate(evidence).Select(finding => finding.ToRecord(target)));
        }

        return records;
    }
}
