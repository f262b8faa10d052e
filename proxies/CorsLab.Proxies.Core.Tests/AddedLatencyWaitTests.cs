using System.Diagnostics;
using CorsLab.Proxies.Core.Faults;

namespace CorsLab.Proxies.Core.Tests;

/// <summary>
/// The wait never ends early, on both of its paths (precise sleep, timer then precise sleep), and gives up when
/// the client goes. Only lower bounds: a busy machine can make a wait longer, never shorter.
/// </summary>
public sealed class AddedLatencyWaitTests
{
    [Theory]
    [InlineData(300)]
    [InlineData(2_000)]
    [InlineData(12_000)]
    public async Task Wait_LastsAtLeastTheDelay(int micros)
    {
        var delay = TimeSpan.FromMicroseconds(micros);
        var started = Stopwatch.GetTimestamp();

        var completed = await AddedLatencyWait.WaitAsync(delay, CancellationToken.None);

        Assert.True(completed);
        Assert.True(Stopwatch.GetElapsedTime(started) >= delay);
    }

    [Theory]
    [InlineData(300)]
    [InlineData(12_000)]
    public async Task Wait_WithTheClientGone_ReturnsFalse(int micros)
    {
        using var gone = new CancellationTokenSource();
        await gone.CancelAsync();

        Assert.False(await AddedLatencyWait.WaitAsync(TimeSpan.FromMicroseconds(micros), gone.Token));
    }
}
