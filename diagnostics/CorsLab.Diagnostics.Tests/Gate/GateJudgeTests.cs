using CorsLab.Diagnostics.Gate;
using CorsLab.Results.Baselines;

namespace CorsLab.Diagnostics.Tests.Gate;

/// <summary>The gate's verdict on constructed trials: a regression only when the whole interval lies beyond the tolerance.</summary>
public sealed class GateJudgeTests
{
    private static readonly double[] Noise = [1.00, 1.04, 0.97, 1.02, 0.98, 1.03, 0.99, 1.01];

    [Fact]
    public void Unchanged_Passes()
    {
        var verdict = GateJudge.Judge(Side(Trials(1.0)), Side(Trials(1.0)), paired: true, 0.10);

        Assert.Equal(GateOutcome.Pass, verdict.Outcome);
        Assert.All(verdict.Rows.Where(r => r.Kind == "speed"), row => Assert.Equal(MetricVerdict.Pass, row.Verdict));
        Assert.Equal(8, verdict.TrialsUsed);
    }

    [Fact]
    public void QuarterMoreCpu_IsARegressionOnCpuPerRequest()
    {
        var verdict = GateJudge.Judge(Side(Trials(1.0)), Side(Trials(1.25)), paired: true, 0.10);

        var cpu = Row(verdict, "CPU per request ÷ the origin's");
        Assert.Equal(MetricVerdict.Regression, cpu.Verdict);
        Assert.Equal(1.25, cpu.Ratio!.Value, 2);
    }

    [Fact]
    public void CpuUnreadOnOneSide_IsNotJudged_AndDoesNotFailTheGate()
    {
        var unread = Trials(1.0).Select(t => t with { CpuToOrigin = null }).ToArray();

        var verdict = GateJudge.Judge(Side(unread), Side(Trials(1.0)), paired: true, 0.10);

        Assert.Equal(MetricVerdict.NotJudged, Row(verdict, "CPU per request ÷ the origin's").Verdict);
        Assert.Equal(GateOutcome.Pass, verdict.Outcome);
    }

    [Fact]
    public void QuarterSlower_IsARegressionOnLatencyAndThroughput()
    {
        var verdict = GateJudge.Judge(Side(Trials(1.0)), Side(Trials(1.25)), paired: true, 0.10);

        Assert.Equal(GateOutcome.Regression, verdict.Outcome);
        Assert.Equal(MetricVerdict.Regression, Row(verdict, "p50 over direct").Verdict);
        Assert.Equal(MetricVerdict.Regression, Row(verdict, "requests/s ÷ direct's, one at a time").Verdict);
        Assert.True(Row(verdict, "p50 over direct").Low > 1.1);
    }

    /// <summary>8 % slower: real, but inside the tolerance, so the gate does not cry wolf.</summary>
    [Fact]
    public void SlowerWithinTolerance_Passes()
    {
        var verdict = GateJudge.Judge(Side(Trials(1.0)), Side(Trials(1.08)), paired: true, 0.10);

        Assert.Equal(GateOutcome.Pass, verdict.Outcome);
    }

    [Theory]
    [InlineData(1.05, 1.20, false, MetricVerdict.Pass)]
    [InlineData(1.11, 1.30, false, MetricVerdict.Regression)]
    [InlineData(0.70, 0.90, false, MetricVerdict.Improved)]
    [InlineData(0.80, 0.95, true, MetricVerdict.Pass)]
    [InlineData(0.70, 0.90, true, MetricVerdict.Regression)]
    [InlineData(1.15, 1.30, true, MetricVerdict.Improved)]
    public void Verdict_ComparesTheWholeIntervalWithTheTolerance(double low, double high, bool higherIsBetter, MetricVerdict expected) =>
        Assert.Equal(expected, GateJudge.Verdict(new RatioInterval((low + high) / 2, low, high), higherIsBetter, 0.10));

    [Fact]
    public void TooFewUsableTrials_CouldNotMeasure_WithTheReason()
    {
        var late = Trials(1.0).Select((t, i) => t with { Late = i < 4 }).ToArray();

        var verdict = GateJudge.Judge(Side(Trials(1.0)), Side(late), paired: true, 0.10);

        Assert.Equal(GateOutcome.CouldNotMeasure, verdict.Outcome);
        Assert.Contains("4 usable trials", Assert.Single(verdict.Reasons), StringComparison.Ordinal);
        Assert.DoesNotContain(verdict.Rows, row => row.Kind == "speed");
    }

    [Fact]
    public void BaselineFromAFasterMachine_CouldNotMeasure_WithBothSpeeds()
    {
        var baseline = Trials(1.0, originCpuMicros: 69);
        var slowSpell = Trials(1.9, originCpuMicros: 112);

        var verdict = GateJudge.Judge(Side(baseline), Side(slowSpell), paired: false, 0.10);

        Assert.Equal(GateOutcome.CouldNotMeasure, verdict.Outcome);
        Assert.Contains("1.62× slower", Assert.Single(verdict.Reasons), StringComparison.Ordinal);
        Assert.DoesNotContain(verdict.Rows, row => row.Kind == "speed");
    }

    [Fact]
    public void BaselineAtTheSameSpeed_IsJudged()
    {
        var baseline = Trials(1.0, originCpuMicros: 69);
        var taxed = Trials(1.25, originCpuMicros: 80);

        var verdict = GateJudge.Judge(Side(baseline), Side(taxed), paired: false, 0.10);

        Assert.Equal(GateOutcome.Regression, verdict.Outcome);
        Assert.Empty(verdict.Reasons);
    }

    /// <summary>
    /// A baseline of runs 20 % apart (as the proxy's added p50 is on a shared machine from minute to minute): a run 25 %
    /// slower lies within that spread, although its trials alone (each within 4 %) would call it a regression.
    /// </summary>
    [Fact]
    public void BaselineOfSpreadRuns_RunWithinTheSpread_Passes()
    {
        var baseline = Runs(0.8, 1.0, 1.2);

        var verdict = GateJudge.Judge(Side(baseline), Side(Trials(1.25)), paired: false, 0.10);

        Assert.Equal(GateOutcome.Pass, verdict.Outcome);
        var p50 = Row(verdict, "p50 over direct");
        Assert.Equal(MetricVerdict.Pass, p50.Verdict);
        Assert.StartsWith("3 baseline runs, 20 % apart", p50.Note, StringComparison.Ordinal);
        Assert.Equal(GateOutcome.Regression, GateJudge.Judge(Side(Trials(1.0)), Side(Trials(1.25)), paired: false, 0.10).Outcome);
    }

    /// <summary>Runs that agree within 1 %: the same 25 % lies beyond their spread and the tolerance.</summary>
    [Fact]
    public void BaselineOfCloseRuns_QuarterSlower_IsARegression()
    {
        var baseline = Runs(0.99, 1.0, 1.01, 1.0, 0.995);

        var verdict = GateJudge.Judge(Side(baseline), Side(Trials(1.25)), paired: false, 0.10);

        Assert.Equal(GateOutcome.Regression, verdict.Outcome);
        Assert.Equal(MetricVerdict.Regression, Row(verdict, "p50 over direct").Verdict);
        Assert.Equal(MetricVerdict.Regression, Row(verdict, "CPU per request ÷ the origin's").Verdict);
    }

    [Fact]
    public void BaselineOfOneRun_SaysItsIntervalLeavesOutHowRunsDiffer()
    {
        var verdict = GateJudge.Judge(Side(Trials(1.0)), Side(Trials(1.0)), paired: false, 0.10);

        Assert.Contains("one baseline run", Row(verdict, "p50 over direct").Note, StringComparison.Ordinal);
        Assert.Equal("", GateJudge.Judge(Side(Trials(1.0)), Side(Trials(1.0)), paired: true, 0.10).Rows[0].Note);
    }

    /// <summary>Side by side, both builds met the same machine: its speed is not a reason.</summary>
    [Fact]
    public void SideBySide_MachineSpeedIsNotJudged()
    {
        var reference = Trials(1.0, originCpuMicros: 69);
        var now = Trials(1.0, originCpuMicros: 112);

        Assert.Equal(GateOutcome.Pass, GateJudge.Judge(Side(reference), Side(now), paired: true, 0.10).Outcome);
    }

    [Fact]
    public void CountRegression_Stands_WhenSpeedCouldNotBeMeasured()
    {
        var late = Trials(1.0).Select((t, i) => t with { Late = i < 4 }).ToArray();
        var churning = Side(late) with { ConnectionsPerRequest = 1.0 };

        var verdict = GateJudge.Judge(Side(Trials(1.0)), churning, paired: true, 0.10);

        Assert.Equal(GateOutcome.Regression, verdict.Outcome);
        Assert.NotEmpty(verdict.Reasons);
    }

    [Fact]
    public void LateTrials_DroppedInPairs()
    {
        var late = Trials(1.0).Select((t, i) => t with { Late = i == 0 }).ToArray();

        var verdict = GateJudge.Judge(Side(Trials(1.0)), Side(late), paired: true, 0.10);

        Assert.Equal(7, verdict.TrialsUsed);
    }

    [Fact]
    public void NewWarnFinding_IsARegression_EvenWithSpeedUnchanged()
    {
        var now = Side(Trials(1.0)) with { Findings = ["response-buffering"] };

        var verdict = GateJudge.Judge(Side(Trials(1.0)), now, paired: true, 0.10);

        Assert.Equal(GateOutcome.Regression, verdict.Outcome);
        Assert.Equal(["response-buffering"], verdict.NewFindings);
    }

    [Fact]
    public void UpstreamConnectionsPerRequest_BeyondSlack_IsARegression()
    {
        var churning = Side(Trials(1.0)) with { ConnectionsPerRequest = 1.0 };
        var reconnecting = Side(Trials(1.0)) with { ConnectionsPerRequest = 0.04 };

        Assert.Equal(MetricVerdict.Regression, Row(GateJudge.Judge(Side(Trials(1.0)), churning, true, 0.10), "reuse upstream connections per request").Verdict);
        Assert.Equal(MetricVerdict.Pass, Row(GateJudge.Judge(Side(Trials(1.0)), reconnecting, true, 0.10), "reuse upstream connections per request").Verdict);
    }

    [Fact]
    public void FailedRequests_BeyondSlack_IsARegression()
    {
        var failing = Trials(1.0).Select(t => t with { FailedShare = 0.01 }).ToArray();

        var verdict = GateJudge.Judge(Side(Trials(1.0)), Side(failing), true, 0.10);

        Assert.Equal(MetricVerdict.Regression, Row(verdict, "failed request share").Verdict);
        Assert.Equal(GateOutcome.Regression, verdict.Outcome);
    }

    [Fact]
    public void AllocationsPerOperation_BeyondSlack_IsARegression()
    {
        var reference = Side(Trials(1.0)) with { Allocations = new Dictionary<string, double> { ["Forward.Pipelines"] = 2_000, ["Cors.Apply"] = 0 } };
        var now = Side(Trials(1.0)) with { Allocations = new Dictionary<string, double> { ["Forward.Pipelines"] = 2_010, ["Cors.Apply"] = 24 } };

        var verdict = GateJudge.Judge(reference, now, paired: false, 0.10);

        Assert.Equal(MetricVerdict.Pass, Row(verdict, "allocated per op: Forward.Pipelines").Verdict);
        Assert.Equal(MetricVerdict.Regression, Row(verdict, "allocated per op: Cors.Apply").Verdict);
        Assert.Equal(GateOutcome.Regression, verdict.Outcome);
    }

    private static GateRow Row(GateVerdict verdict, string metric) => verdict.Rows.Single(row => row.Metric == metric);

    private static GateSide Side(IReadOnlyList<GateTrial> trials) => new("side", trials, 0.003, [], new Dictionary<string, double>());

    /// <summary>Eight trials, each with a little noise, <paramref name="slowdown"/> times the proxy's usual cost, on a machine whose origin spends <paramref name="originCpuMicros"/> a request.</summary>
    /// <summary>A baseline of runs, each of eight trials at its own slowdown, numbered by run.</summary>
    private static GateTrial[] Runs(params double[] slowdowns) =>
        slowdowns.SelectMany((slowdown, run) => Trials(slowdown).Select(trial => trial with { Run = run })).ToArray();

    private static GateTrial[] Trials(double slowdown, double? originCpuMicros = null) =>
        Noise.Select((noise, i) => new GateTrial(i + 1, 200 * slowdown * noise, 3.6 * slowdown * noise, 0.4 / slowdown / noise, 0, Late: false, CpuToOrigin: 2.5 * slowdown * noise, OriginCpuMicros: originCpuMicros)).ToArray();
}
