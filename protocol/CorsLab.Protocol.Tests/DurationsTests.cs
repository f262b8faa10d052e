namespace CorsLab.Protocol.Tests;

public sealed class DurationsTests
{
    [Theory]
    [InlineData("2", 2000)]
    [InlineData("0.5", 500)]
    [InlineData("200us", 0.2)]
    [InlineData("2.5µs", 0.0025)]
    [InlineData("500ms", 500)]
    [InlineData("2s", 2000)]
    [InlineData("1m", 60000)]
    public void TryParse_AcceptsSecondsAndUnits(string text, double milliseconds)
    {
        Assert.True(Durations.TryParse(text, out var duration));
        Assert.Equal(milliseconds, duration.TotalMilliseconds, 3);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-2")]
    [InlineData("abc")]
    [InlineData("5h")]
    [InlineData("")]
    [InlineData("infs")]
    [InlineData("us")]
    [InlineData("-5us")]
    public void TryParse_RejectsNonPositiveOrUnknown(string text) =>
        Assert.False(Durations.TryParse(text, out _));
}
