using CorsLab.Diagnostics.Gate;

namespace CorsLab.Diagnostics.Tests.Gate;

/// <summary>Today's run against a baseline's runs: a prediction interval from the spread between those runs.</summary>
public sealed class RunToRunRatioTests
{
    [Fact]
    public void Interval_IsTodaysRatioToTheRunsGeometricMean_WidenedByTheirSpread()
    {
        // Runs at e^-0.1, 1 and e^0.1: log mean 0, log-SD 0.1; t(2) = 4.303, √(1 + 1/3) = 1.1547.
        double[] runs = [Math.Exp(-0.1), 1, Math.Exp(0.1)];

        var interval = RunToRunRatio.Interval(runs, 1.5)!;

        var half = 4.303 * 0.1 * Math.Sqrt(4.0 / 3);
        Assert.Equal(1.5, interval.Ratio, 9);
        Assert.Equal(1.5 * Math.Exp(-half), interval.Low, 6);
        Assert.Equal(1.5 * Math.Exp(half), interval.High, 6);
        Assert.Equal(0.1, RunToRunRatio.Spread(runs), 9);
    }

    [Fact]
    public void MoreRuns_NarrowTheInterval_AtTheSameSpread()
    {
        var three = RunToRunRatio.Interval([0.9, 1.0, 1.1], 1.0)!;
        var six = RunToRunRatio.Interval([0.9, 1.0, 1.1, 0.9, 1.0, 1.1], 1.0)!;

        Assert.True(six.High - six.Low < (three.High - three.Low) / 2, $"{six} against {three}");
    }

    [Theory]
    [InlineData(new[] { 1.0 }, 1.0)]
    [InlineData(new[] { 1.0, 0.0 }, 1.0)]
    [InlineData(new[] { 1.0, 1.1 }, -2.0)]
    public void NoInterval_WithOneRun_OrAMeanNotPositive(double[] runs, double now) =>
        Assert.Null(RunToRunRatio.Interval(runs, now));
}
