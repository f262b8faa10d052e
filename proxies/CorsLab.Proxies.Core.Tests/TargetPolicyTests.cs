using System.Net;
using CorsLab.Components;
using CorsLab.Proxies.Core.Policy;

namespace CorsLab.Proxies.Core.Tests;

public sealed class TargetPolicyTests
{
    private static TargetPolicy Policy(string[] allow, string[] deny) =>
        new([.. allow.Select(TargetRule.Parse)], [.. deny.Select(TargetRule.Parse)]);

    [Theory]
    [InlineData("169.254.169.254")]
    [InlineData("169.254.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("0.1.2.3")]
    [InlineData("::")]
    [InlineData("fe80::1")]
    [InlineData("febf::1")]
    [InlineData("::ffff:169.254.1.1")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("::ffff:0.0.0.0")]
    [InlineData("100.100.100.200")]
    [InlineData("fd00:ec2::254")]
    [InlineData("64:ff9b::a9fe:a9fe")]
    [InlineData("64:ff9b::169.254.169.254")]
    [InlineData("64:ff9b::0.0.0.1")]
    [InlineData("64:ff9b:1::a9fe:a9fe")]
    [InlineData("2002:a9fe:a9fe::1")]
    [InlineData("::169.254.169.254")]
    public void DefaultPolicy_DeniesLinkLocalUnspecifiedAndMetadata(string address) =>
        Assert.False(TargetPolicy.Default.IsAllowed("target.test", IPAddress.Parse(address)));

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData("10.0.0.1")]
    [InlineData("203.0.113.7")]
    [InlineData("2001:db8::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("64:ff9b::cb00:7107")]
    [InlineData("2002:cb00:7107::1")]
    [InlineData("100.100.100.201")]
    public void DefaultPolicy_AllowsOrdinaryAndLoopbackAddresses(string address) =>
        Assert.True(TargetPolicy.Default.IsAllowed("target.test", IPAddress.Parse(address)));

    [Fact]
    public void ExplicitDeny_WinsOverAllow()
    {
        var policy = Policy(allow: ["127.0.0.0/8", "localhost"], deny: ["127.0.0.1"]);

        Assert.False(policy.IsAllowed("localhost", IPAddress.Loopback));
        Assert.True(policy.IsAllowed("localhost", IPAddress.Parse("127.0.0.2")));
    }

    [Fact]
    public void ExplicitDenyByName_WinsOverAllowByAddress()
    {
        var policy = Policy(allow: ["127.0.0.1"], deny: ["blocked.test"]);

        Assert.False(policy.IsAllowed("api.blocked.test", IPAddress.Loopback));
        Assert.True(policy.IsAllowed("fine.test", IPAddress.Loopback));
    }

    [Fact]
    public void DenyList_LeavesEverythingElseAllowed()
    {
        var policy = Policy(allow: [], deny: ["10.0.0.0/8"]);

        Assert.False(policy.IsAllowed("x", IPAddress.Parse("10.9.9.9")));
        Assert.True(policy.IsAllowed("x", IPAddress.Parse("192.0.2.1")));
        Assert.False(policy.IsAllowed("x", IPAddress.Parse("169.254.169.254")));
    }

    [Fact]
    public void AllowList_RestrictsToItsEntries()
    {
        var policy = Policy(allow: ["10.0.0.0/8", "api.example.com"], deny: []);

        Assert.True(policy.IsAllowed("whatever", IPAddress.Parse("10.1.1.1")));
        Assert.True(policy.IsAllowed("api.example.com", IPAddress.Parse("203.0.113.7")));
        Assert.True(policy.IsAllowed("v2.api.example.com", IPAddress.Parse("203.0.113.7")));
        Assert.False(policy.IsAllowed("example.com", IPAddress.Parse("203.0.113.7")));
        Assert.False(policy.IsAllowed("whatever", IPAddress.Loopback));
        Assert.False(policy.IsAllowed("whatever", IPAddress.IPv6Loopback));
    }

    [Fact]
    public void AllowEntry_ReopensDefaultDeniedRange()
    {
        var policy = Policy(allow: ["169.254.169.254"], deny: []);

        Assert.True(policy.IsAllowed("metadata", IPAddress.Parse("169.254.169.254")));
        Assert.True(policy.IsAllowed("metadata", IPAddress.Parse("::ffff:169.254.169.254")));
        Assert.False(policy.IsAllowed("metadata", IPAddress.Parse("169.254.0.1")));
    }

    [Fact]
    public void AllowEntryByName_NeverLiftsDefaultDenies()
    {
        var policy = Policy(allow: ["metadata.internal"], deny: []);

        Assert.False(policy.IsAllowed("metadata.internal", IPAddress.Parse("169.254.169.254")));
        Assert.False(policy.IsAllowed("metadata.internal", IPAddress.Parse("64:ff9b::a9fe:a9fe")));
        Assert.True(policy.IsAllowed("metadata.internal", IPAddress.Parse("192.0.2.1")));
    }

    [Fact]
    public void AllowEntryByAddress_ReopensTheSameHostBehindNat64() =>
        Assert.True(Policy(allow: ["169.254.169.254"], deny: []).IsAllowed("x", IPAddress.Parse("64:ff9b::a9fe:a9fe")));

    [Theory]
    [InlineData("64:ff9b::a00:1")]
    [InlineData("2002:a00:1::1")]
    [InlineData("::10.0.0.1")]
    [InlineData("::ffff:10.0.0.1")]
    public void ExplicitIPv4Deny_CoversTheIPv6FormsThatCarryIt(string address) =>
        Assert.False(Policy(allow: [], deny: ["10.0.0.0/8"]).IsAllowed("x", IPAddress.Parse(address)));

    [Theory]
    [InlineData("64:ff9b::a9fe:a9fe", "169.254.169.254")]
    [InlineData("2002:a9fe:a9fe::", "169.254.169.254")]
    [InlineData("::10.1.2.3", "10.1.2.3")]
    public void EmbeddedIPv4_IsTheCarriedAddress(string address, string carried) =>
        Assert.Equal(IPAddress.Parse(carried), EmbeddedIPv4.Of(IPAddress.Parse(address)));

    [Theory]
    [InlineData("::1")]
    [InlineData("::")]
    [InlineData("2001:db8::1")]
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("10.0.0.1")]
    public void EmbeddedIPv4_NoneForAddressesThatCarryNone(string address) =>
        Assert.Null(EmbeddedIPv4.Of(IPAddress.Parse(address)));

    [Fact]
    public void AllowListNotNamingTarget_KeepsDefaultDenies() =>
        Assert.False(Policy(allow: ["10.0.0.0/8"], deny: []).IsAllowed("x", IPAddress.Parse("169.254.169.254")));

    [Fact]
    public void DefaultPolicy_HasNoAllowOrDenyEntries()
    {
        Assert.Empty(TargetPolicy.Default.Allow);
        Assert.Empty(TargetPolicy.Default.Deny);
        Assert.Equal(
            ["169.254.0.0/16", "fe80::/10", "0.0.0.0/8", "::/128", "100.100.100.200", "fd00:ec2::254", "64:ff9b:1::/48"],
            TargetPolicy.DefaultDenies.Select(r => r.Text));
    }

    [Fact]
    public void ReadmeDefaultDeniesTable_ListsExactlyTheDefaultDenies()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryRoot.Require(), "README.md"));
        var table = lines
            .SkipWhile(line => line != "#### Default denies")
            .SkipWhile(line => !line.StartsWith("| denied by default", StringComparison.Ordinal))
            .Skip(2)
            .TakeWhile(line => line.StartsWith('|'))
            .Select(line => line.Split('`')[1]);

        Assert.Equal(TargetPolicy.DefaultDenies.Select(rule => rule.Text), table);
    }

    [Fact]
    public void HostNameDeny_CannotBeBypassedWithTrailingDot() =>
        Assert.False(Policy(allow: [], deny: ["internal.example"]).IsAllowed("db.internal.example.", IPAddress.Parse("192.0.2.1")));

    [Fact]
    public void HostNameDeny_MatchesSubdomainsIgnoringCase()
    {
        var policy = Policy(allow: [], deny: ["Internal.Example"]);

        Assert.False(policy.IsAllowed("internal.example", IPAddress.Parse("192.0.2.1")));
        Assert.False(policy.IsAllowed("DB.INTERNAL.EXAMPLE", IPAddress.Parse("192.0.2.1")));
        Assert.True(policy.IsAllowed("notinternal.example", IPAddress.Parse("192.0.2.1")));
    }
}
