using System.Net;
using CorsLab.Proxies.Core.Policy;

namespace CorsLab.Proxies.Core.Tests;

public sealed class TargetRuleTests
{
    [Theory]
    [InlineData("example.com", "example.com")]
    [InlineData("Example.COM", "example.com")]
    [InlineData("localhost", "localhost")]
    [InlineData("1password.example", "1password.example")]
    [InlineData("  api.example.com  ", "api.example.com")]
    public void HostName_ParsesAsLowerCaseName(string text, string expected)
    {
        var rule = TargetRule.Parse(text);

        Assert.Equal(expected, rule.HostName);
        Assert.Null(rule.Network);
    }

    [Fact]
    public void Ipv4Address_ParsesAsSingleAddressNetwork()
    {
        var rule = TargetRule.Parse("10.1.2.3");

        Assert.Null(rule.HostName);
        Assert.Equal(IPNetwork.Parse("10.1.2.3/32"), rule.Network);
    }

    [Theory]
    [InlineData("::1")]
    [InlineData("[::1]")]
    public void Ipv6Address_WithOrWithoutBrackets_ParsesAsSingleAddressNetwork(string text)
    {
        var rule = TargetRule.Parse(text);

        Assert.Null(rule.HostName);
        Assert.Equal(IPNetwork.Parse("::1/128"), rule.Network);
    }

    [Theory]
    [InlineData("10.0.0.0/8")]
    [InlineData("192.168.1.0/24")]
    [InlineData("fd00::/8")]
    [InlineData("0.0.0.0/0")]
    public void Cidr_ParsesAsNetwork(string text)
    {
        var rule = TargetRule.Parse(text);

        Assert.Null(rule.HostName);
        Assert.Equal(IPNetwork.Parse(text), rule.Network);
        Assert.Equal(text, rule.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("not a host")]
    [InlineData("http://example.com/")]
    [InlineData("10.0.0.0/33")]
    [InlineData("10.0.0.0/x")]
    [InlineData("example.com:443")]
    [InlineData("exa mple.com")]
    [InlineData("192.168.1.0-255")]
    [InlineData("10.0.0.1x")]
    [InlineData("host.123")]
    public void Garbage_ThrowsFormatExceptionListingValidForms(string text)
    {
        var error = Assert.Throws<FormatException>(() => TargetRule.Parse(text));

        Assert.Contains(text, error.Message, StringComparison.Ordinal);
        Assert.Contains("host name", error.Message, StringComparison.Ordinal);
        Assert.Contains("IP address", error.Message, StringComparison.Ordinal);
        Assert.Contains("CIDR", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_ThrowsArgumentNullException() =>
        Assert.Throws<ArgumentNullException>(() => TargetRule.Parse(null!));

    [Theory]
    [InlineData("example.com")]
    [InlineData("EXAMPLE.com")]
    [InlineData("api.example.com")]
    [InlineData("a.b.Example.Com")]
    public void HostNameRule_MatchesExactNameAndSubdomainsIgnoringCase(string host) =>
        Assert.True(TargetRule.Parse("Example.com").Matches(host, IPAddress.Parse("203.0.113.7")));

    [Theory]
    [InlineData("example.com.")]
    [InlineData("API.Example.com.")]
    public void HostNameRule_MatchesFullyQualifiedNameWithTrailingDot(string host) =>
        // "example.com." resolves to the same addresses as "example.com"; a deny by name must not be bypassed by the root dot.
        Assert.True(TargetRule.Parse("example.com").Matches(host, IPAddress.Parse("203.0.113.7")));

    [Theory]
    [InlineData("notexample.com")]
    [InlineData("example.com.evil.test")]
    [InlineData("example.co")]
    [InlineData("com")]
    public void HostNameRule_DoesNotMatchLookalikes(string host) =>
        Assert.False(TargetRule.Parse("example.com").Matches(host, IPAddress.Parse("203.0.113.7")));

    [Fact]
    public void HostNameRule_IgnoresTheAddress() =>
        Assert.False(TargetRule.Parse("example.com").Matches("other.test", IPAddress.Parse("127.0.0.1")));

    [Fact]
    public void CidrRule_MatchesAddressesInsideOnly()
    {
        var rule = TargetRule.Parse("10.0.0.0/8");

        Assert.True(rule.Matches("any", IPAddress.Parse("10.255.0.1")));
        Assert.False(rule.Matches("any", IPAddress.Parse("11.0.0.1")));
        Assert.False(rule.Matches("any", IPAddress.Parse("::1")));
    }

    [Fact]
    public void Ipv4Rule_MatchesIpv4MappedIpv6Address() =>
        Assert.True(TargetRule.Parse("10.0.0.0/8").Matches("x", IPAddress.Parse("::ffff:10.1.2.3")));

    [Theory]
    [InlineData("10")]
    [InlineData("127.1")]
    [InlineData("10/8")]
    [InlineData("[::1")]
    public void Parse_RejectsAmbiguousShorthands(string text) =>
        Assert.Throws<FormatException>(() => TargetRule.Parse(text));
}
