namespace CorsLab.Proxies.Core.Tests.Framing;

/// <summary>
/// Framing the contract refuses, as exact bytes on a raw socket to each engine: the status the `pipelines` parser gives
/// (its README, "Security rules"), and for a refused head, a closed connection and nothing forwarded. Upstream heads that
/// frame their body ambiguously are a 502 on every engine.
/// </summary>
public sealed class RequestFramingTests(FramingLab lab) : IClassFixture<FramingLab>
{
    /// <summary>Heads refused before anything is forwarded; <c>{t}</c> is the proxy target of a path the upstream holds.</summary>
    private static readonly Dictionary<string, (string Request, int Status)> RefusedHeads = new(StringComparer.Ordinal)
    {
        ["content-length-then-transfer-encoding"] = ("POST {t} HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400),
        ["transfer-encoding-then-content-length"] = ("POST {t} HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n0\r\n\r\n", 400),
        ["chunked-on-http10"] = ("POST {t} HTTP/1.0\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400),
        ["bare-lf-after-a-header"] = ("GET {t} HTTP/1.1\r\nHost: x\nX-A: 1\r\n\r\n", 400),
        ["bare-lf-line-ends"] = ("GET {t} HTTP/1.1\nHost: x\nX-A: 1\n\n", 400),
        ["0x01-in-a-header-value"] = ("GET {t} HTTP/1.1\r\nHost: x\r\nX-A: a\u0001b\r\n\r\n", 400),
        ["del-in-a-header-value"] = ("GET {t} HTTP/1.1\r\nHost: x\r\nX-A: a\u007Fb\r\n\r\n", 400),
        ["chunked-twice-in-two-fields"] = ("POST {t} HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400),
        ["chunked-twice-in-one-field"] = ("POST {t} HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked, chunked\r\n\r\n0\r\n\r\n", 400),
        ["header-name-not-a-token"] = ("GET {t} HTTP/1.1\r\nHost: x\r\nX(A): 1\r\n\r\n", 400),
        ["another-coding-under-chunked"] = ("POST {t} HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n", 501),
    };

    /// <summary>What the upstream says, and the reason each engine must give in its 502.</summary>
    private static readonly Dictionary<string, string> AmbiguousUpstreamHeads = new(StringComparer.Ordinal)
    {
        ["/two-lengths"] = "duplicate Content-Length",
        ["/equal-lengths"] = "duplicate Content-Length",
        ["/signed-length"] = "invalid Content-Length",
        ["/length-and-chunked"] = "both Content-Length and Transfer-Encoding",
    };

    public static TheoryData<string, string> RefusedHeadCases => Cross(RefusedHeads.Keys);

    public static TheoryData<string, string> AmbiguousUpstreamCases => Cross(AmbiguousUpstreamHeads.Keys);

    [Theory]
    [MemberData(nameof(RefusedHeadCases))]
    public async Task AmbiguousRequestHead_IsRefusedClosedAndNotForwarded(string engine, string rule)
    {
        var (request, status) = RefusedHeads[rule];
        var path = $"/held/{rule}/{engine}";

        var response = await RawHttp.ExchangeAsync(lab.EngineUrl(engine), request.Replace("{t}", lab.Target(path), StringComparison.Ordinal), awaitClose: true);

        Assert.True(status == response.Status, $"{engine} {rule}: {response.Head}{response.Body}");
        Assert.Equal("close", response.Header("Connection"));
        Assert.Equal("", response.AfterResponse);
        // The upstream holds this path unanswered, so a forwarded request would have ended in a 504, not this answer.
        Assert.False(lab.Upstream.Received(path), $"{engine} forwarded {rule}");
    }

    [Theory]
    [MemberData(nameof(TestEngines.Names), MemberType = typeof(TestEngines))]
    public async Task BadChunkSize_Is400(string engine)
    {
        var request = $"POST {lab.Target($"/held/bad-chunk-size/{engine}")} HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n";

        var response = await RawHttp.ExchangeAsync(lab.EngineUrl(engine), request);

        Assert.True(response.Status == 400, $"{engine}: {response.Head}{response.Body}");
    }

    /// <summary>Kestrel parses a signed length as the number and keeps only the number, so the handler never sees the sign.</summary>
    [Theory]
    [InlineData("pipelines")]
    [InlineData("httpclient", Skip = "Kestrel reads Content-Length: +5 as 5 and exposes only the number (engine README)")]
    [InlineData("yarp", Skip = "Kestrel reads Content-Length: +5 as 5 and exposes only the number (engine README)")]
    public async Task ContentLengthWithPlus_IsRefusedAndNotForwarded(string engine)
    {
        var path = $"/held/content-length-with-plus/{engine}";

        var response = await RawHttp.ExchangeAsync(lab.EngineUrl(engine), $"POST {lab.Target(path)} HTTP/1.1\r\nHost: x\r\nContent-Length: +5\r\n\r\nhello");

        Assert.True(response.Status == 400, $"{engine}: {response.Head}{response.Body}");
        Assert.False(lab.Upstream.Received(path), $"{engine} forwarded it");
    }

    /// <summary>
    /// `pipelines` bounds a chunk-size line (extensions included) at 4 KB. Kestrel parses extensions byte by byte without a
    /// bound and hands the application only the data, so the Kestrel-based engines cannot see the extension to refuse it.
    /// </summary>
    [Theory]
    [InlineData("pipelines")]
    [InlineData("httpclient", Skip = "Kestrel accepts a chunk extension of any length and does not expose it (engine README)")]
    [InlineData("yarp", Skip = "Kestrel accepts a chunk extension of any length and does not expose it (engine README)")]
    public async Task ChunkExtensionOf20KB_Is400(string engine)
    {
        var request = $"POST {lab.Target($"/held/chunk-extension/{engine}")} HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
            + $"5;a={new string('b', 20 * 1024)}\r\nhello\r\n0\r\n\r\n";

        var response = await RawHttp.ExchangeAsync(lab.EngineUrl(engine), request);

        Assert.True(response.Status == 400, $"{engine}: {response.Head}{response.Body}");
    }

    [Theory]
    [MemberData(nameof(AmbiguousUpstreamCases))]
    public async Task AmbiguousUpstreamHead_Is502NamingTheProblem(string engine, string path)
    {
        var response = await RawHttp.ExchangeAsync(lab.EngineUrl(engine), $"GET {lab.Target(path)} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

        Assert.True(response.Status == 502, $"{engine} {path}: {response.Head}{response.Body}");
        Assert.Equal($"Could not complete request: \"ambiguous framing: {AmbiguousUpstreamHeads[path]}\"", response.Body);
    }

    [Theory]
    [MemberData(nameof(TestEngines.Names), MemberType = typeof(TestEngines))]
    public async Task WellFramedRequest_IsForwarded(string engine)
    {
        var response = await RawHttp.ExchangeAsync(lab.EngineUrl(engine), $"POST {lab.Target("/ok")} HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n2;ext=1\r\nhi\r\n0\r\n\r\n");

        Assert.True(response.Status == 200, $"{engine}: {response.Head}{response.Body}");
        Assert.Equal("ok", response.Body);
    }

    private static TheoryData<string, string> Cross(IEnumerable<string> cases)
    {
        var data = new TheoryData<string, string>();
        foreach (var engine in TestEngines.All)
        {
            foreach (var name in cases)
            {
                data.Add(engine, name);
            }
        }

        return data;
    }
}
