namespace CorsLab.Proxies.Core.Tests;

public sealed class ProxyLimitsTests
{
    [Fact]
    public void Defaults_MatchKestrelAndDocumentedTimeouts()
    {
        var limits = new ProxyLimits();

        Assert.Equal(32 * 1024, limits.MaxRequestHeaderBytes);
        Assert.Equal(8 * 1024, limits.MaxRequestLineBytes);
        Assert.Equal(TimeSpan.FromSeconds(10), limits.ConnectTimeout);
        Assert.Equal(TimeSpan.FromSeconds(30), limits.ResponseHeadTimeout);
        Assert.Equal(TimeSpan.FromSeconds(60), limits.BodyIdleTimeout);
    }

    [Fact]
    public void PositiveValues_AreKept()
    {
        var limits = new ProxyLimits
        {
            MaxRequestHeaderBytes = 1,
            MaxRequestLineBytes = 2,
            ConnectTimeout = TimeSpan.FromTicks(1),
            ResponseHeadTimeout = TimeSpan.FromSeconds(4),
            BodyIdleTimeout = TimeSpan.FromSeconds(5),
        };

        Assert.Equal(1, limits.MaxRequestHeaderBytes);
        Assert.Equal(2, limits.MaxRequestLineBytes);
        Assert.Equal(TimeSpan.FromTicks(1), limits.ConnectTimeout);
        Assert.Equal(TimeSpan.FromSeconds(4), limits.ResponseHeadTimeout);
        Assert.Equal(TimeSpan.FromSeconds(5), limits.BodyIdleTimeout);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void ZeroOrNegativeSizes_Throw(int value)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ProxyLimits { MaxRequestHeaderBytes = value });
        Assert.Throws<ArgumentOutOfRangeException>(() => new ProxyLimits { MaxRequestLineBytes = value });
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(-30_000)]
    public void ZeroOrNegativeTimeouts_Throw(int milliseconds)
    {
        var value = TimeSpan.FromMilliseconds(milliseconds);

        Assert.Throws<ArgumentOutOfRangeException>(() => new ProxyLimits { ConnectTimeout = value });
        Assert.Throws<ArgumentOutOfRangeException>(() => new ProxyLimits { ResponseHeadTimeout = value });
        Assert.Throws<ArgumentOutOfRangeException>(() => new ProxyLimits { BodyIdleTimeout = value });
    }

    [Fact]
    public void WithExpression_AlsoValidates() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ProxyLimits() with { MaxRequestLineBytes = 0 });
}
