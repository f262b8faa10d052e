using CorsLab.Diagnostics.Gate;
using CorsLab.Results.Baselines;

namespace CorsLab.Diagnostics.Tests.Gate;

/// <summary>A duet trial's raw figures become figures over direct's, and a trial on an overloaded machine is marked unusable.</summary>
public sealed class GateSamplerTests
{
    private static readonly TrialFigures Direct = new("direct", 3000, 0, 60, 250, 70, 15);

    [Fact]
    public void Trial_FiguresOverDirect()
    {
        var trial = GateSampler.Trial(3, new TrialFigures("pipelines", 3000, 3, 180, 900, 200, 15), Direct, 6000)!;

        Assert.Equal(3, trial.Repeat);
        Assert.Equal(120, trial.P50OverDirectMicros);
        Assert.Equal(3.6, trial.P99ToDirect!.Value, 9);
        Assert.Equal(0.35, trial.RequestsPerSecondToDirect, 9);
        Assert.Equal(0.001, trial.FailedShare, 9);
        Assert.False(trial.Late);
        Assert.Null(trial.CpuToOrigin);
    }

    [Fact]
    public void Trial_CpuPerRequestOverTheOrigins_WhenBothProcessesWereRead()
    {
        // The proxy used 0.15 s for 3,000 requests (50 µs each); the origin 0.12 s for all 6,000 (20 µs each).
        var trial = GateSampler.Trial(0, new TrialFigures("pipelines", 3000, 0, 180, 900, 200, 15, CpuSeconds: 0.15), Direct with { CpuSeconds = 0.12 }, 6000)!;

        Assert.Equal(2.5, trial.CpuToOrigin!.Value, 9);
    }

    [Fact]
    public void Trial_OriginCpuUnread_NoCpuRatio() =>
        Assert.Null(GateSampler.Trial(0, new TrialFigures("pipelines", 3000, 0, 180, 900, 200, 15, CpuSeconds: 0.15), Direct, 6000)!.CpuToOrigin);

    [Theory]
    [InlineData(400, 60, true)]
    [InlineData(15, 2000, true)]
    [InlineData(15, 900, false)]
    public void Trial_LaggingClientOrSlowDirect_IsUnusable(double turnaround, double directP50, bool late) =>
        Assert.Equal(late, GateSampler.Trial(0, new TrialFigures("yarp", 100, 0, 3000, 9000, 3100, turnaround), Direct with { P50 = directP50 }, 3100)!.Late);

    [Fact]
    public void Trial_DirectAnsweredNothing_NoTrial() =>
        Assert.Null(GateSampler.Trial(0, new TrialFigures("yarp", 100, 0, 300, 900, 310, 15), Direct with { Requests = 20, Errors = 20 }, 120));
}
