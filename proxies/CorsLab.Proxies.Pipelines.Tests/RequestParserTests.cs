using System.Buffers;
using System.Text;
using CorsLab.Proxies.Core;
using CorsLab.Proxies.Pipelines.Http;

namespace CorsLab.Proxies.Pipelines.Tests;

/// <summary>The parser alone: every prefix of a valid head, and heads split across segments at every point.</summary>
public sealed class RequestParserTests
{
    private const string Valid =
        "\r\nPOST /?url=http%3A%2F%2F127.0.0.1%2Fx HTTP/1.1\r\nHost: proxy\r\nOrigin: http://a.test\r\nContent-Length: 5\r\n" +
        "Connection: keep-alive, x-hop\r\nx-corslab-id: 42\r\nExpect: 100-continue\r\nX-Empty:\r\n\r\n";

    private static readonly ProxyLimits Limits = new();

    [Fact]
    public void EveryPrefix_NeedsMoreThenParsesTheSameHead()
    {
        var bytes = Encoding.ASCII.GetBytes(Valid);
        for (var cut = 0; cut < bytes.Length; cut++)
        {
            using var head = new RequestHead();
            head.Reset();
            var first = new ReadOnlySequence<byte>(bytes, 0, cut);
            var reader = new SequenceReader<byte>(first);
            Assert.False(RequestParser.TryParse(ref reader, head, Limits), $"complete at {cut}");

            // Resume with the consumed part dropped, as the connection's AdvanceTo does.
            var rest = new ReadOnlySequence<byte>(bytes, (int)reader.Consumed, bytes.Length - (int)reader.Consumed);
            var second = new SequenceReader<byte>(rest);
            Assert.True(RequestParser.TryParse(ref second, head, Limits), $"incomplete after {cut}");
            AssertValid(head);
        }
    }

    [Fact]
    public void TwoSegmentsSplitAnywhere_ParseTheSameHead()
    {
        var bytes = Encoding.ASCII.GetBytes(Valid);
        for (var split = 1; split < bytes.Length; split++)
        {
            using var head = new RequestHead();
            head.Reset();
            var sequence = Segments.Create(bytes.AsMemory(0, split), bytes.AsMemory(split));
            var reader = new SequenceReader<byte>(sequence);

            Assert.True(RequestParser.TryParse(ref reader, head, Limits), $"split {split}");
            Assert.True(reader.End);
            AssertValid(head);
        }
    }

    [Fact]
    public void OneByteSegments_ParseTheSameHead()
    {
        var bytes = Encoding.ASCII.GetBytes(Valid);
        using var head = new RequestHead();
        head.Reset();
        var reader = new SequenceReader<byte>(Segments.Create([.. bytes.Select(b => new ReadOnlyMemory<byte>([b]))]));

        Assert.True(RequestParser.TryParse(ref reader, head, Limits));
        AssertValid(head);
    }

    [Theory]
    [InlineData("GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 1\r\n\r\n", "DuplicateContentLength")]
    [InlineData("GET / HTTP/1.1\r\nHost: x\r\n folded\r\n\r\n", "ObsoleteLineFolding")]
    [InlineData("GET / HTTP/1.1\r\nHost: x\nA: b\r\n\r\n", "BareLineFeed")]
    [InlineData("GET / HTTP/1.1\r\nHost: x\r\nA: b\rc\r\n\r\n", "BareCarriageReturn")]
    [InlineData("GET / HTTP/1.1\r\nHost: x\r\nA\0: b\r\n\r\n", "NulInHead")]
    [InlineData("GET / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 1\r\n\r\n", "ContentLengthWithTransferEncoding")]
    [InlineData("GET / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: identity\r\n\r\n", "FinalCodingNotChunked")]
    [InlineData("GET  / HTTP/1.1\r\nHost: x\r\n\r\n", "InvalidRequestLine")]
    public void Rejections_NameTheirReason(string text, string expected)
    {
        using var head = new RequestHead();
        head.Reset();
        var error = Assert.Throws<BadHttpRequestException>(() =>
        {
            var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(Encoding.Latin1.GetBytes(text)));
            RequestParser.TryParse(ref reader, head, Limits);
        });

        Assert.Equal(expected, error.Reason.ToString());
    }

    [Fact]
    public void ChunkedDecoder_EveryPrefix_YieldsTheBodyOnce()
    {
        var bytes = Encoding.ASCII.GetBytes("5;ext=1\r\nhello\r\nA\r\n0123456789\r\n0\r\nTrailer-A: x\r\n\r\nNEXT");
        for (var split = 1; split < bytes.Length; split++)
        {
            var decoder = default(ChunkedDecoder);
            var body = new List<byte>();
            var sequence = Segments.Create(bytes.AsMemory(0, split), bytes.AsMemory(split));
            var reader = new SequenceReader<byte>(sequence);
            ChunkedStatus status;
            while ((status = decoder.Read(ref reader, out var data)) == ChunkedStatus.Data)
            {
                body.AddRange(data.ToArray());
            }

            Assert.Equal(ChunkedStatus.Completed, status);
            Assert.Equal("hello0123456789", Encoding.ASCII.GetString([.. body]));
            Assert.Equal("NEXT", Encoding.ASCII.GetString(reader.UnreadSequence.ToArray()));
        }
    }

    private static void AssertValid(RequestHead head)
    {
        Assert.Equal("POST"u8.ToArray(), head.Method.ToArray());
        Assert.Equal("/?url=http%3A%2F%2F127.0.0.1%2Fx"u8.ToArray(), head.Target.ToArray());
        Assert.True(head.IsHttp11);
        Assert.Equal(5, head.ContentLength);
        Assert.True(head.ExpectContinue);
        Assert.True(head.KeepAlive);
        Assert.Equal("http://a.test"u8.ToArray(), head.Buffer.Value(head.OriginIndex).ToArray());
        Assert.Equal("42"u8.ToArray(), head.Buffer.Value(head.RequestIdIndex).ToArray());
        Assert.Equal(7, head.Buffer.Count);
        Assert.Equal(0, head.Buffer.Value(6).Length);
    }
}

/// <summary>Builds a multi-segment <see cref="ReadOnlySequence{T}"/>.</summary>
internal sealed class Segments : ReadOnlySequenceSegment<byte>
{
    private Segments(ReadOnlyMemory<byte> memory) => Memory = memory;

    public static ReadOnlySequence<byte> Create(params ReadOnlyMemory<byte>[] parts)
    {
        var first = new Segments(parts[0]);
        var last = first;
        foreach (var part in parts.Skip(1))
        {
            var next = new Segments(part) { RunningIndex = last.RunningIndex + last.Memory.Length };
            last.Next = next;
            last = next;
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }
}
