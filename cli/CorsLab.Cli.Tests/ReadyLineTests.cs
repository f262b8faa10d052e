using CorsLab.Components;

namespace CorsLab.Cli.Tests;

public sealed class ReadyLineTests
{
    [Fact]
    public void ReadyLine_RoundTrips()
    {
        var line = ReadyLine.Format(("url", "http://127.0.0.1:5"), ("engine", "yarp"));

        Assert.True(ReadyLine.TryParse(line, out var fields));
        Assert.Equal("http://127.0.0.1:5", fields["url"]);
        Assert.Equal("yarp", fields["engine"]);
        Assert.False(ReadyLine.TryParse("info: starting", out _));
    }
}
