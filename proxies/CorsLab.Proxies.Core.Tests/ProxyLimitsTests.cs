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

    [Theory]
    [InlineData(384L, 21)]
    [InlineData(1024L, 234)]
    [InlineData(100L, 1)]
    [InlineData(1_048_576L, 10_000)]
    [InlineData(null, 10_000)]
    public void DefaultMaxConnections_IsWhatTheOpenFileLimitLeaves(long? limit, int expected) =>
        Assert.Equal(expected, DescriptorBudget.MaxConnectionsFor(limit));

    [Fact]
    public void DefaultMaxConnections_IsThisProcessLimitsShare() =>
        Assert.Equal(DescriptorBudget.MaxConnectionsFor(DescriptorBudget.OpenFileLimit()), new ProxyLimits().MaxConnections);

    [Fact]
    public void OpenFileLimit_IsReadOnLinux() =>
        Assert.True(!OperatingSystem.IsLinux() || DescriptorBudget.OpenFileLimit() > 0);

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void ZeroOrNegativeMaxConnections_Throw(int value) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ProxyLimits { MaxConnections = value });
}
