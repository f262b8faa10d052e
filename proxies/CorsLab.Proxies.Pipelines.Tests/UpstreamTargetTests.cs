using System.Text;
using CorsLab.Proxies.Core.Contract;
using CorsLab.Proxies.Pipelines.Forwarding;

namespace CorsLab.Proxies.Pipelines.Tests;

/// <summary>The per-connection target: request-line bytes, and a pool key kept while the origin stays the same.</summary>
public sealed class UpstreamTargetTests
{
    [Fact]
    public void SameOrigin_KeepsPoolKeyAndAllocatesNothing()
    {
        using var target = new UpstreamTarget();
        Set(target, "?url=http%3A%2F%2F127.0.0.1%3A5000%2Fbytes%2F1024");
        var first = target.Key;

        var buffer = new char[128];
        const string next = "?url=http%3A%2F%2F127.0.0.1%3A5000%2Fbytes%2F2048%3Fa%3D1";
        TargetUrlParser.Parse(next, buffer, out var url);
        target.Set(url);
        var before = GC.GetAllocatedBytesForCurrentThread();
        TargetUrlParser.Parse(next, buffer, out url);
        target.Set(url);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Same(first.Host, target.Key.Host);
        Assert.Equal(0, allocated);
        Assert.Equal("/bytes/2048?a=1", Encoding.ASCII.GetString(target.PathAndQuery));
        Assert.Equal("127.0.0.1", Encoding.ASCII.GetString(target.Host));
        Assert.False(target.IsDefaultPort);
    }

    [Theory]
    [InlineData("?url=http://127.0.0.1:5001/", "127.0.0.1", 5001, false)]
    [InlineData("?url=https://127.0.0.1:5000/", "127.0.0.1", 5000, true)]
    [InlineData("?url=http://Example.COM/x", "example.com", 80, false)]
    public void OtherOrigin_ChangesPoolKey(string query, string host, int port, bool https)
    {
        using var target = new UpstreamTarget();
        Set(target, "?url=http://127.0.0.1:5000/");

        Set(target, query);

        Assert.Equal(new Upstream.PoolKey(host, port, https), target.Key);
    }

    [Theory]
    [InlineData("?url=http://127.0.0.1/a?b=1", "http://127.0.0.1/a?b=1", true)]
    [InlineData("?url=https://[::1]:8443/", "https://[::1]:8443/", false)]
    [InlineData("?url=http://127.0.0.1/a b", "http://127.0.0.1/a%20b", true)]
    public void Describe_IsTheAbsoluteUrl(string query, string expected, bool isDefaultPort)
    {
        using var target = new UpstreamTarget();
        Set(target, query);

        Assert.Equal(expected, target.Describe());
        Assert.Equal(isDefaultPort, target.IsDefaultPort);
    }

    private static void Set(UpstreamTarget target, string query)
    {
        Assert.Equal(TargetUrlStatus.Valid, TargetUrlParser.Parse(query, new char[query.Length + 1], out var url));
        target.Set(url);
    }
}
