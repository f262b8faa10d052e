using System.Buffers;
using System.Text;
using CorsLab.Proxies.Core;
using CorsLab.Proxies.Pipelines.Http;

namespace CorsLab.Proxies.Pipelines.Tests;

/// <summary>
/// The request parser and chunked decoder alone: every prefix of valid input, input split across segments at every
/// point and in one-byte segments, and every rejection reason with its status.
/// </summary>
public sealed class RequestParserTests
{
    private const string Valid =
        "\r\nPOST /?url=http%3A%2F%2F127.0.0.1%2Fx HTTP/1.1\r\nHost: proxy\r\nOrigin: http://a.test\r\nContent-Length: 5\r\n" +
        "Connection: keep-alive, x-hop\r\nx-corslab-id: 42\r\nExpect: 100-continue\r\nX-Empty:\r\n\r\n";

    private const string ChunkedBody = "5;ext=1\r\nhello\r\nA\r\n0123456789\r\n0\r\nTrailer-A: x\r\n\r\nNEXT";

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
    [InlineData("GET / HTTP/2.0\r\nHost: x\r\n\r\n", "InvalidHttpVersion")]
    [InlineData("GET / HTTP/1.1\r\nHo st: x\r\n\r\n", "InvalidHeaderName")]
    [InlineData("GET / HTTP/1.1\r\n: x\r\n\r\n", "InvalidHeaderName")]
    [InlineData("GET / HTTP/1.1\r\nHost: x\r\nA: b\u007f\r\n\r\n", "InvalidHeaderValue")]
    [InlineData("GET / HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n", "InvalidContentLength")]
    [InlineData("GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 1x\r\n\r\n", "InvalidContentLength")]
    [InlineData("GET / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", "UnsupportedTransferCoding")]
    [InlineData("GET / HTTP/1.0\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n", "TransferEncodingInHttp10")]
    [InlineData("GET / HTTP/1.1\r\nA: b\r\n\r\n", "MissingHost")]
    [InlineData("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", "DuplicateHost")]
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

    [Theory]
    [InlineData(8 * 1024 + 1, 0, "RequestLineTooLong", 414)]
    [InlineData(0, 33 * 1024, "HeadersTooLarge", 431)]
    public void OverLimit_IsRefusedWithItsStatus(int targetLength, int headerBytes, string expected, int status)
    {
        var text = $"GET /{new string('a', targetLength)} HTTP/1.1\r\nHost: x\r\n{(headerBytes > 0 ? $"A: {new string('b', headerBytes)}\r\n" : "")}\r\n";
        using var head = new RequestHead();
        head.Reset();
        var error = Assert.Throws<BadHttpRequestException>(() =>
        {
            var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes(text)));
            RequestParser.TryParse(ref reader, head, Limits);
        });

        Assert.Equal(expected, error.Reason.ToString());
        Assert.Equal(status, error.StatusCode);
    }

    [Fact]
    public void UnsupportedTransferCoding_Is501()
    {
        using var head = new RequestHead();
        head.Reset();
        var error = Assert.Throws<BadHttpRequestException>(() =>
        {
            var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n"u8.ToArray()));
            RequestParser.TryParse(ref reader, head, Limits);
        });

        Assert.Equal(501, error.StatusCode);
    }

    [Fact]
    public void ChunkedDecoder_TwoSegmentsSplitAnywhere_YieldsTheBodyOnce()
    {
        var bytes = Encoding.ASCII.GetBytes(ChunkedBody);
        for (var split = 1; split < bytes.Length; split++)
        {
            AssertDecodes(Segments.Create(bytes.AsMemory(0, split), bytes.AsMemory(split)), $"split {split}");
        }
    }

    [Fact]
    public void ChunkedDecoder_EveryPrefix_NeedsMoreThenResumes()
    {
        var bytes = Encoding.ASCII.GetBytes(ChunkedBody);
        for (var cut = 0; cut < bytes.Length - "NEXT".Length; cut++)
        {
            var decoder = default(ChunkedDecoder);
            var body = new List<byte>();
            var first = new SequenceReader<byte>(new ReadOnlySequence<byte>(bytes, 0, cut));
            Assert.Equal(ChunkedStatus.NeedMoreData, Drain(ref decoder, ref first, body));

            // Resume where the decoder stopped, as the connection's AdvanceTo does.
            var consumed = (int)first.Consumed;
            var second = new SequenceReader<byte>(new ReadOnlySequence<byte>(bytes, consumed, bytes.Length - consumed));
            Assert.Equal(ChunkedStatus.Completed, Drain(ref decoder, ref second, body));
            Assert.Equal("hello0123456789", Encoding.ASCII.GetString([.. body]));
            Assert.Equal("NEXT", Encoding.ASCII.GetString(second.UnreadSequence.ToArray()));
        }
    }

    [Fact]
    public void ChunkedDecoder_OneByteSegments_YieldsTheBodyOnce()
    {
        var bytes = Encoding.ASCII.GetBytes(ChunkedBody);
        AssertDecodes(Segments.Create([.. bytes.Select(b => new ReadOnlyMemory<byte>([b]))]), "one-byte segments");
    }

    private static void AssertDecodes(ReadOnlySequence<byte> sequence, string label)
    {
        var decoder = default(ChunkedDecoder);
        var body = new List<byte>();
        var reader = new SequenceReader<byte>(sequence);

        Assert.True(Drain(ref decoder, ref reader, body) == ChunkedStatus.Completed, label);
        Assert.Equal("hello0123456789", Encoding.ASCII.GetString([.. body]));
        Assert.Equal("NEXT", Encoding.ASCII.GetString(reader.UnreadSequence.ToArray()));
    }

    private static ChunkedStatus Drain(ref ChunkedDecoder decoder, ref SequenceReader<byte> reader, List<byte> body)
    {
        ChunkedStatus status;
        while ((status = decoder.Read(ref reader, out var data)) == ChunkedStatus.Data)
        {
            body.AddRange(data.ToArray());
        }

        return status;
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
