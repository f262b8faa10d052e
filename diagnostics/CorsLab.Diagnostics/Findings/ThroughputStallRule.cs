using CorsLab.Results;

namespace CorsLab.Diagnostics.Findings;

/// <summary>
/// <c>throughput-stall</c>: whole seconds inside a measured phase that completed nothing, or whose p99 jumped far
/// above the phase's usual, through the target while direct ran the same scenario without such a second. Reads the
/// per-second series of every repeat; the first and last seconds are partial and skipped.
/// </summary>
public sealed class ThroughputStallRule : IFindingRule
{
    public const string FindingId = "throughput-stall";

    /// <summary>A second stalls when its p99 is this many times the phase's usual per-second p99 …</summary>
    public const double StallFactor = 10;

    /// <summary>… and at least this much above it (µs): a 100 ms hole, not a 2 ms GC pause on a 200 µs baseline.</summary>
    public const double StallFloorMicros = 100_000;

    public string Id => FindingId;

    /// <summary>Any scenario: a stall can show anywhere.</summary>
    public IReadOnlyList<string> Scenarios { get; } = [];

    public Finding? Evaluate(TargetEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var stalled = new List<(string Scenario, IReadOnlyList<int> Seconds)>();
        foreach (var scenario in evidence.Scenarios)
        {
            var seconds = evidence.Repeats(scenario).SelectMany(StalledSeconds).Distinct().Order().ToList();

            // Direct stalling in the same scenario means the machine stalled, not the target.
            if (seconds.Count > 0 && !evidence.DirectRepeats(scenario).SelectMany(StalledSeconds).Any())
            {
                stalled.Add((scenario, seconds));
            }
        }

        if (stalled.Count == 0)
        {
            return null;
        }

        var worst = stalled.OrderByDescending(entry => entry.Seconds.Count).First();
        var total = stalled.Sum(entry => entry.Seconds.Count);
        var summary = Evidence.Invariant(
            $"In {string.Join(", ", stalled.Select(entry => entry.Scenario))}, {total} whole second(s) inside the measured phase completed nothing or had a p99 at least {StallFactor}× the phase's usual (worst: {worst.Scenario}, s {string.Join(", ", worst.Seconds.Take(8))}), while direct ran the same scenarios without one: the target stalls.");
        var facts = new Dictionary<string, string>
        {
            ["scenario"] = worst.Scenario,
            ["scenarios"] = string.Join(",", stalled.Select(entry => entry.Scenario)),
            ["stalledSeconds"] = Evidence.Count(total),
            ["seconds"] = string.Join(",", worst.Seconds),
        };
        return new Finding(
            FindingId,
            FindingSeverity.Warn,
            summary,
            facts,
            "Look for what blocks every request at once: a lock or a synchronous call on the forwarding path, thread-pool starvation (sync-over-async), a full connection pool, or long GC pauses; an EventPipe capture of the stalled seconds shows which.");
    }

    private static IEnumerable<int> StalledSeconds(ScenarioMeasurement repeat)
    {
        var inside = repeat.Series.OrderBy(point => point.Second).Skip(1).SkipLast(1).ToList();
        var answered = inside.Where(point => point.Requests > 0).Select(point => point.P99).Order().ToList();
        if (answered.Count == 0)
        {
            return [];
        }

        var usual = answered[answered.Count / 2];
        return inside
            .Where(point => point.Requests == 0 || (point.P99 >= StallFactor * usual && point.P99 - usual >= StallFloorMicros))
            .Select(point => point.Second);
    }
}
