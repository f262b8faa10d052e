using CorsLab.Load.Duet;
using CorsLab.Load.Engine;

namespace CorsLab.Load.Tests;

/// <summary>A duet against a real origin: every target measured in the same rounds, CPU read for the targets that have a process.</summary>
public sealed class DuetRunnerTests(OriginFixture fixture) : IClassFixture<OriginFixture>
{
    [Fact]
    public async Task Duet_MeasuresEveryTarget_AndReadsTheCpuOfThoseWithAProcess()
    {
        var request = new RequestSpec { Url = fixture.Url("bytes/1024") };

        // The origin runs in this test process: its pid is the one to read.
        var samples = await DuetRunner.RunAsync(
            [new DuetTarget("with-pid", request, Environment.ProcessId), new DuetTarget("without", request)],
            TimeSpan.FromMilliseconds(100),
            TimeSpan.FromMilliseconds(400),
            CancellationToken.None);

        Assert.Equal(["with-pid", "without"], samples.Select(s => s.Target));
        Assert.All(samples, s => Assert.True(s.Requests >= DuetRunner.BatchSize, $"{s.Target}: {s.Requests} requests"));
        Assert.All(samples, s => Assert.Equal(0, s.Errors));
        Assert.True(samples[0].CpuSeconds > 0, $"CPU {samples[0].CpuSeconds}");
        Assert.Null(samples[1].CpuSeconds);
    }
}
