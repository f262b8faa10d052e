using CorsLab.Proxies.Core.Contract;

namespace CorsLab.Proxies.Core.Tests;

public sealed class HopByHopHeadersTests
{
    public static TheoryData<string> FixedNames =>
    [
        "Connection", "connection", "CONNECTION",
        "Keep-Alive", "keep-alive", "KEEP-ALIVE",
        "Proxy-Connection", "proxy-connection",
        "TE", "te", "Te",
        "Trailer", "trailer",
        "Transfer-Encoding", "transfer-encoding", "TRANSFER-ENCODING",
        "Upgrade", "upgrade",
    ];

    [Theory]
    [MemberData(nameof(FixedNames))]
    public void FixedName_IsHopByHopInAnyCase(string name)
    {
        Assert.True(HopByHopHeaders.IsFixedHopByHop(name));
        Assert.True(HopByHopHeaders.IsHopByHop(name, []));
    }

    [Theory]
    [InlineData("Content-Type")]
    [InlineData("Authorization")]
    [InlineData("X-Corslab-Id")]
    [InlineData("Host")]
    [InlineData("Content-Length")]
    [InlineData("Trailers")]
    [InlineData("Keep-Alive-X")]
    public void EndToEndHeader_IsNotHopByHop(string name)
    {
        Assert.False(HopByHopHeaders.IsFixedHopByHop(name));
        Assert.False(HopByHopHeaders.IsHopByHop(name, ["close", "keep-alive, Upgrade"]));
    }

    [Theory]
    [InlineData("X-Secret", "X-Secret")]
    [InlineData("X-Secret", "x-secret")]
    [InlineData("x-secret", "X-SECRET")]
    [InlineData("X-Secret", "close, X-Secret")]
    [InlineData("X-Secret", "close,X-Secret")]
    [InlineData("X-Secret", "  X-Secret  , close")]
    [InlineData("X-Secret", "keep-alive,   x-secret ,upgrade")]
    public void NameListedInConnection_IsHopByHop(string name, string connection)
    {
        Assert.True(HopByHopHeaders.ListsToken(connection, name));
        Assert.True(HopByHopHeaders.IsHopByHop(name, [connection]));
    }

    [Fact]
    public void NameListedInAnyOfSeveralConnectionValues_IsHopByHop() =>
        Assert.True(HopByHopHeaders.IsHopByHop("X-Two", [null, "close", "X-One, X-Two"]));

    [Theory]
    [InlineData("X-Secret", "close")]
    [InlineData("X-Secret", "X-Secret-Other")]
    [InlineData("X-Secret", "X-Secre")]
    [InlineData("X-Secret", "")]
    public void NameNotListedInConnection_IsNotHopByHop(string name, string connection)
    {
        Assert.False(HopByHopHeaders.ListsToken(connection, name));
        Assert.False(HopByHopHeaders.IsHopByHop(name, [connection]));
    }

    [Fact]
    public void AuthorizationListedInConnection_BecomesHopByHop() =>
        Assert.True(HopByHopHeaders.IsHopByHop("Authorization", ["authorization"]));
}
