using System.Globalization;
using CorsLab.Results.Baselines;

namespace CorsLab.Diagnostics.Gate;

/// <summary>
/// The gate's judgement, from trials already measured: speed as ratios with a 95 % interval (<see cref="BootstrapRatio"/>),
/// counts against a stated slack, findings the candidate has and the reference has not. A speed regression is called only
/// when the whole interval lies beyond the tolerance, so noise that straddles it passes.
/// </summary>
public static class GateJudge
{
    public const double DefaultTolerance = 0.10;

    /// <summary>Fewer usable trials than this and the interval is too coarse to mean anything: could not measure.</summary>
    public const int MinTrials = 5;

    /// <summary>
    /// Upstream connections per request on <c>reuse</c> (one client connection, one request at a time): a pooling proxy
    /// opens one for the whole phase (≈ 0.003 per request), a churning one opens one per request. 0.05 lets a pool
    /// reconnect once every 20 requests before the count regresses.
    /// </summary>
    public const double ConnectionsSlack = 0.05;

    /// <summary>
    /// BenchmarkDotNet's bytes per operation are exact for a given build and runtime; 1 % or 16 bytes (whichever is
    /// larger) absorbs runtime-internal allocations that come and go (a resized pool, a timer), not an added object per request.
    /// </summary>
    public const double AllocationSlackFraction = 0.01;

    public const double AllocationSlackBytes = 16;

    /// <summary>The lab's requests do not fail through a working proxy; one in a thousand more is a broken build, not noise.</summary>
    public const double FailedSlack = 0.001;

    /// <summary>
    /// Judged against a baseline, the machine must run at the speed it ran then, read as the origin's CPU per request
    /// (<see cref="GateTrial.OriginCpuMicros"/>). Ten unchanged runs on the quiet 2-core machine read 58–63 µs against
    /// a baseline's 59; slow spells of the shared host read 75–79 and 111–114 µs, and every figure over direct moved with
    /// them (p50 over direct 80 µs against 41, with nothing changed). A tolerance wider than this widens it too:
    /// who accepts a build 50 % slower accepts a machine that much slower.
    /// </summary>
    public const double MachineSpeedSlack = 0.25;

    /// <param name="paired">True when both sides ran in one run, trial by trial (<c>--against</c>).</param>
    public static GateVerdict Judge(GateSide reference, GateSide now, bool paired, double tolerance)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(now);
        if (tolerance is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, "a fraction between 0 and 1");
        }

        var (referenceTrials, nowTrials) = Usable(reference.Trials, now.Trials, paired);
        var reasons = new List<string>();
        var late = now.Trials.Count(t => t.Late) + (paired ? reference.Trials.Count(t => t.Late) : 0);
        if (nowTrials.Count < MinTrials || referenceTrials.Count < MinTrials)
        {
            reasons.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"{Math.Min(nowTrials.Count, referenceTrials.Count)} usable trials, fewer than {MinTrials}: {late} trial(s) measured an overloaded machine (the load client's median turnaround over {GateSampler.MaxClientTurnaroundP50Micros} µs, or direct's p50 over {GateSampler.MaxDirectP50Micros} µs), so their latencies measure the lab"));
        }
        else if (!paired && MachineSpeedApart(referenceTrials, nowTrials, Math.Max(MachineSpeedSlack, tolerance)) is { } apart)
        {
            reasons.Add(apart);
        }

        var rows = new List<GateRow>();
        if (reasons.Count == 0)
        {
            rows.AddRange(GateMetric.Speed.Select(metric => SpeedRow(metric, referenceTrials, nowTrials, paired, tolerance)));
        }

        rows.Add(FailedRow(referenceTrials, nowTrials));
        rows.Add(ConnectionsRow(reference.ConnectionsPerRequest, now.ConnectionsPerRequest));
        rows.AddRange(AllocationRows(reference.Allocations, now.Allocations));
        var newFindings = now.Findings.Except(reference.Findings, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var goneFindings = reference.Findings.Except(now.Findings, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        // Counts and findings do not depend on the machine's speed: a regression among them stands when speed could not be judged.
        var outcome = rows.Any(row => row.Verdict == MetricVerdict.Regression) || newFindings.Length > 0
            ? GateOutcome.Regression
            : reasons.Count > 0 ? GateOutcome.CouldNotMeasure : GateOutcome.Pass;
        return new GateVerdict(outcome, rows, newFindings, goneFindings, reasons, Math.Min(nowTrials.Count, referenceTrials.Count));
    }

    /// <summary>Why a baseline's speed ratios would measure the machine, or null when it runs at the baseline's speed (or either side has no origin CPU).</summary>
    private static string? MachineSpeedApart(IReadOnlyList<GateTrial> reference, IReadOnlyList<GateTrial> now, double slack)
    {
        var then = Median(reference.Select(trial => trial.OriginCpuMicros));
        var isNow = Median(now.Select(trial => trial.OriginCpuMicros));
        if (then is not > 0 || isNow is not > 0 || Math.Abs(Math.Log(isNow.Value / then.Value)) <= Math.Log(1 + slack))
        {
            return null;
        }

        var (factor, direction) = isNow > then ? (isNow.Value / then.Value, "slower") : (then.Value / isNow.Value, "faster");
        return string.Create(
            CultureInfo.InvariantCulture,
            $"the machine ran {factor:0.00}× {direction} than when the baseline was recorded (the origin's CPU per request, median over trials: {isNow:0} µs now, {then:0} µs then; more than {slack:P0} apart), so ratios against that baseline would measure the machine: run again, or judge side by side with --against");
    }

    private static double? Median(IEnumerable<double?> values)
    {
        var known = values.OfType<double>().Order().ToArray();
        return known.Length == 0 ? null : known.Length % 2 == 1 ? known[known.Length / 2] : (known[(known.Length / 2) - 1] + known[known.Length / 2]) / 2;
    }

    /// <summary>Late trials measure the lab: dropped (in pairs when the sides ran side by side).</summary>
    private static (IReadOnlyList<GateTrial> Reference, IReadOnlyList<GateTrial> Now) Usable(IReadOnlyList<GateTrial> reference, IReadOnlyList<GateTrial> now, bool paired)
    {
        if (!paired)
        {
            return (reference.Where(t => !t.Late).ToArray(), now.Where(t => !t.Late).ToArray());
        }

        var byRepeat = reference.ToDictionary(t => t.Repeat);
        var pairs = now.Where(t => byRepeat.TryGetValue(t.Repeat, out var other) && !t.Late && !other.Late).Select(t => (byRepeat[t.Repeat], t)).ToArray();
        return (pairs.Select(p => p.Item1).ToArray(), pairs.Select(p => p.t).ToArray());
    }

    internal static GateRow SpeedRow(GateMetric metric, IReadOnlyList<GateTrial> reference, IReadOnlyList<GateTrial> now, bool paired, double tolerance)
    {
        if (reference.Concat(now).Any(trial => metric.Select(trial) is null))
        {
            return new GateRow(metric.Label, "speed", metric.Unit, null, null, null, null, null, MetricVerdict.NotJudged, "not read on both sides: a gateway given as a URL needs its pid (--pid, --against-pid); a baseline written before it was measured has none");
        }

        var referenceValues = reference.Select(trial => metric.Select(trial)!.Value).ToArray();
        var nowValues = now.Select(trial => metric.Select(trial)!.Value).ToArray();
        var referenceMean = referenceValues.Length > 0 ? referenceValues.Average() : (double?)null;
        var nowMean = nowValues.Length > 0 ? nowValues.Average() : (double?)null;
        var referenceRuns = reference.GroupBy(trial => trial.Run).Select(run => run.Average(trial => metric.Select(trial)!.Value)).ToArray();
        var (interval, note) = paired
            ? (BootstrapRatio.Paired(nowValues, referenceValues), "")
            : referenceRuns.Length >= 2 && nowMean is { } mean
                ? (RunToRunRatio.Interval(referenceRuns, mean), string.Create(CultureInfo.InvariantCulture, $"{referenceRuns.Length} baseline runs, {RunToRunRatio.Spread(referenceRuns):P0} apart (log-SD)"))
                : (BootstrapRatio.Independent(nowValues, referenceValues), SingleRunNote);
        if (interval is null)
        {
            return new GateRow(metric.Label, "speed", metric.Unit, referenceMean, nowMean, null, null, null, MetricVerdict.NotJudged, "a mean not positive (the reference's, a baseline run's or today's): no ratio to take");
        }

        return new GateRow(metric.Label, "speed", metric.Unit, referenceMean, nowMean, interval.Ratio, interval.Low, interval.High, Verdict(interval, metric.HigherIsBetter, tolerance), note);
    }

    /// <summary>A baseline of one run is judged by its trials alone, which know nothing of how runs differ.</summary>
    private const string SingleRunNote = "one baseline run: the interval leaves out how runs differ (record it with --runs 5)";

    /// <summary>Slower by more than the tolerance: above 1 + t for a cost, below 1 ÷ (1 + t) for a throughput.</summary>
    internal static MetricVerdict Verdict(RatioInterval interval, bool higherIsBetter, double tolerance)
    {
        var (slowLow, slowHigh) = higherIsBetter ? (1 / interval.High, 1 / interval.Low) : (interval.Low, interval.High);
        if (slowLow > 1 + tolerance)
        {
            return MetricVerdict.Regression;
        }

        return slowHigh < 1 / (1 + tolerance) ? MetricVerdict.Improved : MetricVerdict.Pass;
    }

    private static GateRow ConnectionsRow(double? reference, double? now)
    {
        const string label = "reuse upstream connections per request";
        if (reference is not { } was || now is not { } isNow)
        {
            return new GateRow(label, "count", "", reference, now, null, null, null, MetricVerdict.NotJudged, "not joined with the origin's timings");
        }

        var verdict = isNow > was + ConnectionsSlack ? MetricVerdict.Regression : MetricVerdict.Pass;
        return new GateRow(label, "count", "", was, isNow, was > 0 ? isNow / was : null, null, null, verdict, string.Create(CultureInfo.InvariantCulture, $"slack +{ConnectionsSlack}"));
    }

    private static GateRow FailedRow(IReadOnlyList<GateTrial> reference, IReadOnlyList<GateTrial> now)
    {
        const string label = "failed request share";
        if (reference.Count == 0 || now.Count == 0)
        {
            return new GateRow(label, "count", "", null, null, null, null, null, MetricVerdict.NotJudged, "no trials");
        }

        var (was, isNow) = (reference.Average(t => t.FailedShare), now.Average(t => t.FailedShare));
        var verdict = isNow > was + FailedSlack ? MetricVerdict.Regression : MetricVerdict.Pass;
        return new GateRow(label, "count", "", was, isNow, was > 0 ? isNow / was : null, null, null, verdict, string.Create(CultureInfo.InvariantCulture, $"slack +{FailedSlack}"));
    }

    private static IEnumerable<GateRow> AllocationRows(IReadOnlyDictionary<string, double> reference, IReadOnlyDictionary<string, double> now)
    {
        foreach (var (name, was) in reference.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            var label = $"allocated per op: {name}";
            if (!now.TryGetValue(name, out var isNow))
            {
                yield return new GateRow(label, "count", "B", was, null, null, null, null, MetricVerdict.NotJudged, now.Count == 0 ? "no allocations given this run" : "benchmark absent this run");
                continue;
            }

            var slack = Math.Max(AllocationSlackBytes, was * AllocationSlackFraction);
            var verdict = isNow > was + slack ? MetricVerdict.Regression : MetricVerdict.Pass;
            yield return new GateRow(label, "count", "B", was, isNow, was > 0 ? isNow / was : null, null, null, verdict, string.Create(CultureInfo.InvariantCulture, $"slack {slack:0} B"));
        }
    }
}
