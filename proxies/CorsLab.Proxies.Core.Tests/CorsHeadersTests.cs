using CorsLab.Proxies.Core.Contract;

namespace CorsLab.Proxies.Core.Tests;

public sealed class CorsHeadersTests
{
    private static List<(string Name, string Value)> Apply(string? origin, string? vary = null)
    {
        var written = new List<(string Name, string Value)>();
        CorsHeaders.Apply(origin, vary, written, static (list, name, value) => list.Add((name, value)));
        return written;
    }

    [Fact]
    public void WithoutOrigin_WritesExactlyTheThreeFixedHeaders()
    {
        Assert.Equal(
            [
                ("Access-Control-Allow-Credentials", "true"),
                ("Access-Control-Allow-Headers", "authorization"),
                ("Access-Control-Allow-Methods", "GET,HEAD,PUT,PATCH,POST,DELETE"),
            ],
            Apply(origin: null));
    }

    [Fact]
    public void EmptyOrigin_IsTreatedAsNoOrigin() =>
        Assert.Equal(3, Apply(origin: "").Count);

    [Fact]
    public void WithOrigin_EchoesOriginAndAddsVary()
    {
        Assert.Equal(
            [
                ("Access-Control-Allow-Credentials", "true"),
                ("Access-Control-Allow-Headers", "authorization"),
                ("Access-Control-Allow-Methods", "GET,HEAD,PUT,PATCH,POST,DELETE"),
                ("Access-Control-Allow-Origin", "https://app.example"),
                ("Vary", "Origin"),
            ],
            Apply("https://app.example"));
    }

    [Fact]
    public void WithOrigin_MergesTheUpstreamVary() =>
        Assert.Contains(("Vary", "Accept-Encoding, Origin"), Apply("https://app.example", "Accept-Encoding"));

    [Fact]
    public void WithoutOrigin_LeavesVaryAlone() =>
        Assert.DoesNotContain(Apply(origin: null, vary: "Accept-Encoding"), h => h.Name == "Vary");

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void MergeVary_WithNone_IsOrigin(string? existing) =>
        Assert.Equal("Origin", CorsHeaders.MergeVary(existing));

    [Fact]
    public void MergeVary_AppendsOrigin() =>
        Assert.Equal("Accept-Encoding, Origin", CorsHeaders.MergeVary("Accept-Encoding"));

    [Theory]
    [InlineData("Origin")]
    [InlineData("origin")]
    [InlineData("ORIGIN")]
    [InlineData("Accept-Encoding, Origin")]
    [InlineData("Accept-Encoding,origin")]
    [InlineData("origin , Accept-Encoding")]
    public void MergeVary_AlreadyVaryingOnOrigin_IsUnchanged(string existing) =>
        Assert.Equal(existing, CorsHeaders.MergeVary(existing));

    [Theory]
    [InlineData("*")]
    [InlineData("Accept, *")]
    public void MergeVary_Star_IsUnchanged(string existing) =>
        Assert.Equal(existing, CorsHeaders.MergeVary(existing));

    [Fact]
    public void MergeVary_OriginAsPartOfAnotherToken_StillAppends() =>
        Assert.Equal("X-Origin-Hint, Origin", CorsHeaders.MergeVary("X-Origin-Hint"));

    [Theory]
    [InlineData("Access-Control-Allow-Origin")]
    [InlineData("access-control-allow-origin")]
    [InlineData("ACCESS-CONTROL-EXPOSE-HEADERS")]
    [InlineData("Access-Control-Max-Age")]
    public void IsCorsHeader_MatchesAnyAccessControlHeaderIgnoringCase(string name) =>
        Assert.True(CorsHeaders.IsCorsHeader(name));

    [Theory]
    [InlineData("Vary")]
    [InlineData("Origin")]
    [InlineData("Content-Type")]
    [InlineData("X-Access-Control-Allow-Origin")]
    [InlineData("Access-Control")]
    public void IsCorsHeader_RejectsOtherHeaders(string name) =>
        Assert.False(CorsHeaders.IsCorsHeader(name));
}
