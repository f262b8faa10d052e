using CorsLab.Diagnostics.Calibration;
using CorsLab.Results;
using CorsLab.Results.Testing;

namespace CorsLab.Diagnostics.Tests;

/// <summary>The calibration verdict: measured p50 over the clean engine against the latency the engine was told to add.</summary>
public sealed class CalibrationJudgeTests
{
    [Theory]
    [InlineData(0, 30)]
    [InlineData(100, 30)]
    [InlineData(500, 100)]
    [InlineData(2000, 400)]
    public void Tolerance_IsAFifthOrThirtyMicroseconds(double added, double tolerance) =>
        Assert.Equal(tolerance, CalibrationJudge.ToleranceFor(added), 6);

    [Fact]
    public void TargetSlowerByTheAddedLatency_Lands()
    {
        var result = Assert.Single(CalibrationJudge.Evaluate(Calibrated(addedMicros: 500, referenceP50: 300, targetP50: 800)));

        Assert.True(result.Within);
        Assert.InRange(result.MeasuredMicros, 450, 550);
        Assert.True(result.LowMicros <= result.MeasuredMicros && result.MeasuredMicros <= result.HighMicros);
        Assert.Equal(100, result.ToleranceMicros, 6);
        Assert.Equal(4_000, result.Samples);
        Assert.StartsWith("+", CalibrationJudge.Describe(result), StringComparison.Ordinal);
    }

    [Fact]
    public void TargetSlowerByTwiceTheAddedLatency_Misses()
    {
        var result = Assert.Single(CalibrationJudge.Evaluate(Calibrated(addedMicros: 100, referenceP50: 300, targetP50: 500)));

        Assert.False(result.Within);
        Assert.InRange(result.MeasuredMicros, 170, 230);
    }

    [Fact]
    public void IdenticalTwin_IsIndistinguishableFromZero_NeverNegative()
    {
        var result = Assert.Single(CalibrationJudge.Evaluate(Calibrated(addedMicros: 0, referenceP50: 300, targetP50: 300)));

        Assert.True(result.Within);
        Assert.True(result.LowMicros <= 0 && result.HighMicros >= 0);
        var text = CalibrationJudge.Describe(result);
        Assert.StartsWith("indistinguishable from 0 (±", text, StringComparison.Ordinal);
        Assert.DoesNotContain("-", text, StringComparison.Ordinal);
    }

    [Fact]
    public void PointWhoseTargetWasNotMeasured_HasNoResult()
    {
        var run = Calibrated(addedMicros: 100, referenceP50: 300, targetP50: 400);
        run = run with { Measurements = run.Measurements.Where(m => m.Target != "pipelines+100us").ToList() };

        Assert.Empty(CalibrationJudge.Evaluate(run));
    }

    [Fact]
    public void RunWithoutCalibration_HasNoResults() =>
        Assert.Empty(CalibrationJudge.Evaluate(new RunBuilder().Target("direct", TargetKinds.Direct).Build()));

    private static RunDocument Calibrated(double addedMicros, double referenceP50, double targetP50) =>
        RunBuilder.Calibrated(addedMicros, referenceP50, targetP50).Build();
}
