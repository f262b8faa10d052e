using CorsLab.Cli.Usage;

namespace CorsLab.Cli.Tests;

public sealed class DurationsTests
{
    [Theory]
    [InlineData("2", 2000)]
    [InlineData("0.5", 500)]
    [InlineData("500ms", 500)]
    [InlineData("2s", 2000)]
    [InlineData("1m", 60000)]
    public void Parse_AcceptsSecondsAndUnits(string text, double milliseconds) =>
        Assert.Equal(milliseconds, Durations.Parse("--t", text).TotalMilliseconds, 3);

    [Theory]
    [InlineData("0")]
    [InlineData("-2")]
    [InlineData("abc")]
    [InlineData("5h")]
    public void Parse_RejectsNonPositiveOrUnknown_NamingTheOption(string text)
    {
        var error = Assert.Throws<UsageException>(() => Durations.Parse("--upstream-timeout", text));
        Assert.StartsWith("--upstream-timeout:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadyLine_RoundTrips()
    {
        var line = Processes.ReadyLine.Format(("url", "http://127.0.0.1:5"), ("engine", "yarp"));

        Assert.True(Processes.ReadyLine.TryParse(line, out var fields));
        Assert.Equal("http://127.0.0.1:5", fields["url"]);
        Assert.Equal("yarp", fields["engine"]);
        Assert.False(Processes.ReadyLine.TryParse("info: starting", out _));
    }
}
