using CorsLab.Proxies.Core.Contract;

namespace CorsLab.Proxies.Core.Tests;

public sealed class TargetUrlParserTests
{
    [Theory]
    [InlineData("")]
    [InlineData("?")]
    [InlineData("?a=1")]
    [InlineData("?urlx=1")]
    [InlineData("?xurl=http://127.0.0.1/")]
    [InlineData("a=1&b=2")]
    public void NoUrlParameter_IsMissing(string query)
    {
        Assert.Equal(TargetUrlStatus.Missing, TargetUrlParser.Parse(query, out var target));
        Assert.Null(target);
    }

    [Theory]
    [InlineData("?url=")]
    [InlineData("?url")]
    [InlineData("?a=1&url=")]
    public void EmptyUrlParameter_IsInvalid(string query)
    {
        Assert.Equal(TargetUrlStatus.Invalid, TargetUrlParser.Parse(query, out var target));
        Assert.Null(target);
    }

    [Theory]
    [InlineData("/foo")]
    [InlineData("foo")]
    [InlineData("ftp://x")]
    [InlineData("javascript:alert(1)")]
    [InlineData("http://user:pass@127.0.0.1/")]
    [InlineData("http://user@127.0.0.1/")]
    [InlineData("http://@127.0.0.1/")]
    [InlineData("http://")]
    [InlineData("http://[::1")]
    [InlineData("file:///etc/passwd")]
    [InlineData("mailto:a@b")]
    [InlineData("ws://127.0.0.1/")]
    public void NonHttpOrMalformedOrUserInfoUrl_IsInvalid(string url)
    {
        Assert.Equal(TargetUrlStatus.Invalid, TargetUrlParser.Parse("?url=" + url, out var target));
        Assert.Null(target);
    }

    [Fact]
    public void PercentEncodedUserInfo_IsInvalid()
    {
        Assert.Equal(TargetUrlStatus.Invalid, TargetUrlParser.Parse("?url=http%3A%2F%2Fuser%3Apass%40127.0.0.1%2F", out _));
        Assert.Equal(TargetUrlStatus.Invalid, TargetUrlParser.Parse("?url=http%3A%2F%2F%40127.0.0.1%2F", out _));
    }

    [Fact]
    public void PercentEncodedUrl_IsDecodedWithItsOwnQuery()
    {
        var status = TargetUrlParser.Parse("?url=http%3A%2F%2F127.0.0.1%3A5000%2Fheaders%3Fa%3D1%26b%3D2", out var target);

        Assert.Equal(TargetUrlStatus.Valid, status);
        Assert.NotNull(target);
        Assert.Equal("http", target.Scheme);
        Assert.Equal("127.0.0.1", target.Host);
        Assert.Equal(5000, target.Port);
        Assert.Equal("/headers?a=1&b=2", target.PathAndQuery);
    }

    [Fact]
    public void Plus_DecodesToSpace()
    {
        var status = TargetUrlParser.Parse("?url=http://127.0.0.1/a+b", out var target);

        Assert.Equal(TargetUrlStatus.Valid, status);
        Assert.NotNull(target);
        Assert.Equal("http://127.0.0.1/a b", target.OriginalString);
        Assert.Equal("/a b", Uri.UnescapeDataString(target.AbsolutePath));
    }

    [Fact]
    public void FirstUrlParameter_Wins()
    {
        var status = TargetUrlParser.Parse("?url=http://first.test/&url=http://second.test/", out var target);

        Assert.Equal(TargetUrlStatus.Valid, status);
        Assert.Equal("first.test", target!.Host);
    }

    [Fact]
    public void FirstUrlParameter_WinsEvenWhenInvalid()
    {
        Assert.Equal(TargetUrlStatus.Invalid, TargetUrlParser.Parse("?url=ftp://x&url=http://second.test/", out var target));
        Assert.Null(target);
    }

    [Fact]
    public void UrlAfterOtherParameters_IsFound()
    {
        Assert.Equal(TargetUrlStatus.Valid, TargetUrlParser.Parse("?a=1&url=http://127.0.0.1/&b=2", out var target));
        Assert.Equal("/", target!.PathAndQuery);
    }

    [Theory]
    [InlineData("?url=http://127.0.0.1:8080/x")]
    [InlineData("url=http://127.0.0.1:8080/x")]
    public void LeadingQuestionMark_IsOptional(string query)
    {
        Assert.Equal(TargetUrlStatus.Valid, TargetUrlParser.Parse(query, out var target));
        Assert.Equal(new Uri("http://127.0.0.1:8080/x"), target);
    }

    [Fact]
    public void Https_IsValid()
    {
        Assert.Equal(TargetUrlStatus.Valid, TargetUrlParser.Parse("?url=https://example.com/path?q=1", out var target));
        Assert.Equal("https", target!.Scheme);
        Assert.Equal(443, target.Port);
        Assert.Equal("/path?q=1", target.PathAndQuery);
    }

    [Fact]
    public void UppercaseScheme_IsValid()
    {
        Assert.Equal(TargetUrlStatus.Valid, TargetUrlParser.Parse("?url=HTTP://127.0.0.1/", out var target));
        Assert.Equal("http", target!.Scheme);
    }

    [Fact]
    public void Ipv6Literal_IsValid()
    {
        Assert.Equal(TargetUrlStatus.Valid, TargetUrlParser.Parse("?url=http://[::1]:80/", out var target));
        Assert.Equal("[::1]", target!.Host);
        Assert.Equal(80, target.Port);
        Assert.Equal(UriHostNameType.IPv6, target.HostNameType);
    }

    [Fact]
    public void AtSignInPathOrQuery_IsNotUserInfo()
    {
        Assert.Equal(TargetUrlStatus.Valid, TargetUrlParser.Parse("?url=http://127.0.0.1/users/@me", out _));
        Assert.Equal(TargetUrlStatus.Valid, TargetUrlParser.Parse("?url=http%3A%2F%2F127.0.0.1%3Fmail%3Da%40b", out _));
    }
}
