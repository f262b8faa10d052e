using CorsLab.Diagnostics.Gate;

namespace CorsLab.Diagnostics.Tests.Gate;

/// <summary>The interval of a ratio of means on constructed trials: where it lies, that pairing narrows it, that it is repeatable.</summary>
public sealed class BootstrapRatioTests
{
    private static readonly double[] Reference = [200, 230, 190, 260, 210, 240, 205, 225];

    [Fact]
    public void SameTrials_IntervalHoldsOne()
    {
        var interval = BootstrapRatio.Independent(Reference, Reference)!;

        Assert.Equal(1.0, interval.Ratio, 9);
        Assert.True(interval.Low < 1 && interval.High > 1, $"{interval}");
    }

    [Fact]
    public void HalfAgainSlower_WholeIntervalAboveOnePointTwo()
    {
        var slower = Reference.Select(v => v * 1.5).ToArray();

        var interval = BootstrapRatio.Paired(slower, Reference)!;

        Assert.Equal(1.5, interval.Ratio, 9);
        Assert.True(interval.Low > 1.2, $"{interval}");
        Assert.True(interval.High >= 1.5, $"{interval}");
    }

    /// <summary>Drift that hits both sides of a trial cancels when the trials are resampled as pairs, not when apart.</summary>
    [Fact]
    public void DriftSharedByBothSides_PairedIntervalNarrowerThanIndependent()
    {
        double[] drift = [1.0, 1.3, 0.8, 1.25, 0.75, 1.2, 0.85, 1.1];
        var reference = drift.Select(d => 200 * d).ToArray();
        var now = drift.Select(d => 224 * d).ToArray();

        var paired = BootstrapRatio.Paired(now, reference)!;
        var independent = BootstrapRatio.Independent(now, reference)!;

        Assert.Equal(1.12, paired.Ratio, 9);
        Assert.True(paired.High - paired.Low < (independent.High - independent.Low) / 10, $"paired {paired}, independent {independent}");
        Assert.True(paired.Low > 1.1, $"{paired}");
    }

    [Fact]
    public void SameInput_SameInterval() =>
        Assert.Equal(BootstrapRatio.Independent([1, 2, 3, 4, 5], Reference), BootstrapRatio.Independent([1, 2, 3, 4, 5], Reference));

    [Fact]
    public void ReferenceNotPositive_NoRatio()
    {
        Assert.Null(BootstrapRatio.Independent([10, 20], [-5, 3]));
        Assert.Null(BootstrapRatio.Paired([], []));
    }

    [Fact]
    public void Paired_UnequalCounts_Throws() =>
        Assert.Throws<ArgumentException>(() => BootstrapRatio.Paired([1, 2], [1]));
}
