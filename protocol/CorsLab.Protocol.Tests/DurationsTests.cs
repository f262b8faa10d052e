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
    [InlineData("1us", 0.001)]
    [InlineData("1440m", 86_400_000)]
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
    [InlineData("NaN")]
    [InlineData("NaNs")]
    [InlineData("1e12")]
    [InlineData("1e-9")]
    [InlineData("0.5us")]
    [InlineData("25h")]
    [InlineData("1441m")]
    public void TryParse_RejectsNonPositiveOrUnknown(string text) =>
        Assert.False(Durations.TryParse(text, out _));
}
