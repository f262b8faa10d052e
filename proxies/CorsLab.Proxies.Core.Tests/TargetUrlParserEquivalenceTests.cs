using System.Reflection;
using CorsLab.Proxies.Core.Contract;

namespace CorsLab.Proxies.Core.Tests;

/// <summary>
/// The span overload of <see cref="TargetUrlParser"/> must judge every input as the <see cref="Uri"/> one does and,
/// when valid, report the same scheme, host, port and path-and-query: over the existing cases and a generated set.
/// </summary>
public sealed class TargetUrlParserEquivalenceTests
{
    /// <summary>The queries of <see cref="TargetUrlParserTests"/>' facts (its theories are read by reflection).</summary>
    private static readonly string[] FactQueries =
    [
        "?url=http%3A%2F%2Fuser%3Apass%40127.0.0.1%2F", "?url=http%3A%2F%2F%40127.0.0.1%2F",
        "?url=http%3A%2F%2F127.0.0.1%3A5000%2Fheaders%3Fa%3D1%26b%3D2", "?url=http://127.0.0.1/a+b",
        "?url=http://first.test/&url=http://second.test/", "?url=ftp://x&url=http://second.test/",
        "?a=1&url=http://127.0.0.1/&b=2", "?url=https://example.com/path?q=1", "?url=HTTP://127.0.0.1/",
        "?url=http://[::1]:80/", "?url=http://127.0.0.1/users/@me", "?url=http%3A%2F%2F127.0.0.1%3Fmail%3Da%40b",
    ];

    private static readonly string[] Schemes = ["http://", "https://", "HTTP://", "hTtPs://", "http:/", "http:", "ftp://", "ws://", "http:\\\\", " http://", "http//"];

    private static readonly string[] Hosts =
    [
        "127.0.0.1", "127.1", "0x7f.0.0.1", "0x7F000001", "2130706433", "0177.0.0.1", "01.2.3.4", "256.1.1.1", "1.2.3.4.5", "1.2.3.",
        "example.com", "Example.COM", "a.b", "a", "abc", "deadbeef", "dead.beef", "cafe.x", "ab-cd.ef", "-a.com", "a-.com", "a..b", "a.", ".a",
        "xn--bcher-kva.de", "XN--bcher-kva.de", "a_b.com", "b\u00fccher.de", "[::1]", "[::ffff:127.0.0.1]", "[::1", "user@host", "@host", "u:p@host",
        "ho st", "host%41", "localhost", "LOCALHOST", "a.1", "1.a", "0", "x", "0x", "a" + new string('b', 62), "a" + new string('b', 63),
        string.Join('.', Enumerable.Repeat("abcdefghi", 26)), "", "ex\tample.com", "host:8080",
    ];

    private static readonly string[] Ports = ["", ":", ":80", ":443", ":0", ":080", ":1", ":65535", ":65536", ":99999", ":8080", ":a", ":8o", ":+1", ": 80", "::80"];

    private static readonly string[] Paths =
    [
        "", "/", "/a", "/bytes/1024", "/a/b/", "//x", "/a/./b", "/a/../b", "/.", "/..", "/a/.", "/a/..", "/.a", "/..a", "/a.b", "/a b", "/a%20b",
        "/a%2fb", "/a%2Fb", "/%41", "/%zz", "/%", "/~x", "/a;b=c", "/@me", "/a\\b", "/a#f", "/\u00e9", "/a'b", "/(x)*!$,", "/a|b", "/{x}",
        "/a^b", "/a`b", "/a\"b", "/a<b>", "/a[b]", "/:x", "/a\u0001", "/a\u007f", "/a/%2e%2e/b",
    ];

    private static readonly string[] Queries =
    [
        "", "?", "?a=1", "?a=1&b=2", "?a b", "?a=%41", "?a=%2", "?/?x", "?a#f", "#f", "?a=\u00e9", "?a'b", "?[x]", "?a|b", "?a^b", "?a\"b",
        "?@:;", "?a=1+2", "?%", "?a=..", "?../x",
    ];

    public static TheoryData<string> ExistingCases()
    {
        var data = new TheoryData<string>();
        foreach (var query in FactQueries)
        {
            data.Add(query);
        }

        foreach (var method in typeof(TargetUrlParserTests).GetMethods())
        {
            var isUrl = method.GetParameters() is [{ Name: "url" }];
            foreach (var inline in method.GetCustomAttributes<InlineDataAttribute>())
            {
                var value = (string)inline.GetData(method).Single()[0];
                data.Add(isUrl ? "?url=" + value : value);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ExistingCases))]
    public void ExistingCase_SameStatusAndTarget(string query) => AssertEquivalent(query);

    [Fact]
    public void GeneratedUrls_SameStatusAndTarget()
    {
        var random = new Random(20261126);
        var checkedCount = 0;
        var viaFastPath = 0;
        foreach (var url in GeneratedUrls(random))
        {
            foreach (var query in Encodings(url))
            {
                viaFastPath += AssertEquivalent(query) ? 1 : 0;
                checkedCount++;
            }
        }

        Assert.True(checkedCount > 100_000, $"only {checkedCount} generated queries");
        Assert.True(viaFastPath > 2_000, $"only {viaFastPath} of {checkedCount} took the allocation-free path");
    }

    [Fact]
    public void MutatedUrls_SameStatusAndTarget()
    {
        // Random edits of plain urls: every boundary of the fast path is crossed from the valid side.
        const string alphabet = "aZ09.-_~:/?#[]@!$&'()*+,;=% \t\\\"<>^`{|}\u00e9\u0000";
        var random = new Random(42);
        string[] seeds = ["http://127.0.0.1:5000/bytes/1024?x=1", "https://api.example.com/v1/items?q=a&b=c", "http://a.b/c/d"];
        for (var i = 0; i < 50_000; i++)
        {
            var chars = seeds[i % seeds.Length].ToCharArray().ToList();
            for (var edits = random.Next(1, 4); edits > 0; edits--)
            {
                var at = random.Next(chars.Count);
                switch (random.Next(3))
                {
                    case 0: chars[at] = alphabet[random.Next(alphabet.Length)]; break;
                    case 1: chars.Insert(at, alphabet[random.Next(alphabet.Length)]); break;
                    default: chars.RemoveAt(at); break;
                }
            }

            foreach (var query in Encodings(new string([.. chars])))
            {
                AssertEquivalent(query);
            }
        }
    }

    [Theory]
    [InlineData("?url=http%3A%2F%2F127.0.0.1%3A5000%2Fbytes%2F1024")]
    [InlineData("?url=https://api.example.com/v1/items?q=a")]
    [InlineData("?a=1&url=http://Example.com")]
    public void PlainUrl_AllocatesNothing(string query)
    {
        var buffer = new char[query.Length + 1];
        TargetUrlParser.Parse(query, buffer, out _);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var status = TargetUrlParser.Parse(query, buffer, out var target);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(TargetUrlStatus.Valid, status);
        Assert.True(target.PathAndQuery.Length > 0);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void ShortBuffer_StillAgrees()
    {
        const string query = "?url=http://127.0.0.1:5000/a";
        Assert.Equal(TargetUrlStatus.Valid, TargetUrlParser.Parse(query, new char[4], out var target));
        Assert.Equal("127.0.0.1", target.Host.ToString());
        Assert.Equal("/a", target.PathAndQuery.ToString());
    }

    /// <returns>Whether the span parse allocated nothing (its fast path).</returns>
    internal static bool AssertEquivalent(string query)
    {
        var expected = TargetUrlParser.Parse(query, out var uri);
        var buffer = new char[query.Length + 1];
        var before = GC.GetAllocatedBytesForCurrentThread();
        var actual = TargetUrlParser.Parse(query, buffer, out var target);
        var allocationFree = GC.GetAllocatedBytesForCurrentThread() == before;
        if (expected != actual)
        {
            Assert.Fail($"'{query}': Uri parse says {expected}, span parse says {actual}");
        }

        if (expected == TargetUrlStatus.Valid)
        {
            var got = $"{target.Scheme} {target.Host} {target.Port} {target.IsDefaultPort} {target.PathAndQuery}";
            var want = $"{uri!.Scheme} {TargetUrlParser.WireHost(uri)} {uri.Port} {uri.IsDefaultPort} {uri.PathAndQuery}";
            if (got != want)
            {
                Assert.Fail($"'{query}': Uri gives '{want}', span parse gives '{got}'");
            }
        }

        return allocationFree && expected == TargetUrlStatus.Valid;
    }

    private static IEnumerable<string> GeneratedUrls(Random random)
    {
        // Every host with every scheme and port; paths and queries sampled, so each host meets most of them.
        foreach (var scheme in Schemes)
        {
            foreach (var host in Hosts)
            {
                foreach (var port in Ports)
                {
                    for (var i = 0; i < 12; i++)
                    {
                        yield return scheme + host + port + Paths[random.Next(Paths.Length)] + Queries[random.Next(Queries.Length)];
                    }
                }
            }
        }
    }

    /// <summary>The url as a client could put it in the query: as is, percent-encoded, spaces as '+', and malformed escapes.</summary>
    private static IEnumerable<string> Encodings(string url)
    {
        yield return "?url=" + url;
        yield return "?url=" + Uri.EscapeDataString(url);
        yield return "a=1&url=" + Uri.EscapeDataString(url).Replace("%20", "+", StringComparison.Ordinal) + "&url=http://x/";
        yield return "?url=" + url.Replace("/", "%2f", StringComparison.Ordinal).Replace(".", "%2E", StringComparison.Ordinal) + "%";
    }
}
