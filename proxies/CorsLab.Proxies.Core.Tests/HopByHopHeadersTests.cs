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
        Assert.True(HopByHopHeaders.IsHopByHop(name, ConnectionTokens.None));
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
        Assert.False(HopByHopHeaders.IsHopByHop(name, ConnectionTokens.Of(["close", "keep-alive, Upgrade"])));
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
        Assert.True(ConnectionTokens.Of([connection]).Lists(name));
        Assert.True(HopByHopHeaders.IsHopByHop(name, ConnectionTokens.Of([connection])));
    }

    [Fact]
    public void NameListedInAnyOfSeveralConnectionValues_IsHopByHop() =>
        Assert.True(HopByHopHeaders.IsHopByHop("X-Two", ConnectionTokens.Of([null, "close", "X-One, X-Two"])));

    [Theory]
    [InlineData("X-Secret", "close")]
    [InlineData("X-Secret", "X-Secret-Other")]
    [InlineData("X-Secret", "X-Secre")]
    [InlineData("X-Secret", "")]
    public void NameNotListedInConnection_IsNotHopByHop(string name, string connection)
    {
        Assert.False(ConnectionTokens.Of([connection]).Lists(name));
        Assert.False(HopByHopHeaders.IsHopByHop(name, ConnectionTokens.Of([connection])));
    }

    [Fact]
    public void AuthorizationListedInConnection_BecomesHopByHop() =>
        Assert.True(HopByHopHeaders.IsHopByHop("Authorization", ConnectionTokens.Of(["authorization"])));

    [Fact]
    public void ThousandsOfTokens_EachListedNameIsFound_OthersAreNot()
    {
        // The shape that cost seconds of CPU per message when every header rescanned the list.
        var names = Enumerable.Range(0, 5_000).Select(i => $"x-h{i}").ToArray();
        var tokens = ConnectionTokens.Of([string.Join(", ", names), "close"]);

        Assert.All(names, name => Assert.True(HopByHopHeaders.IsHopByHop(name.ToUpperInvariant(), tokens)));
        Assert.False(HopByHopHeaders.IsHopByHop("x-h5000", tokens));
        Assert.False(tokens.Lists("close"));
        Assert.False(tokens.Lists("keep-alive"));
    }

    [Fact]
    public void OnlyCloseOrKeepAlive_ListsNoHeader()
    {
        Assert.Same(ConnectionTokens.None, ConnectionTokens.Of(["close", " keep-alive ", null]));
        Assert.False(ConnectionTokens.None.Lists("close"));
    }
}
