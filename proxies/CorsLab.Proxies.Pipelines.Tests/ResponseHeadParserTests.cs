using System.Buffers;
using System.Text;
using CorsLab.Proxies.Pipelines.Http;

namespace CorsLab.Proxies.Pipelines.Tests;

/// <summary>
/// The upstream response head parser as the request parser is tested: every prefix, every two-segment split,
/// one-byte segments, each malformation refused, framing doubts recorded for the framing rules to judge.
/// </summary>
public sealed class ResponseHeadParserTests
{
    private const int MaxHead = 64 * 1024;

    private const string Valid =
        "HTTP/1.1 206 Partial Content\r\nContent-Type: text/plain\r\nContent-Length: 11\r\nConnection: keep-alive, x-hop\r\n" +
        "X-Empty:\r\nVary: Origin\r\n\r\n";

    [Fact]
    public void EveryPrefix_NeedsMoreThenParsesTheSameHead()
    {
        var bytes = Encoding.ASCII.GetBytes(Valid);
        for (var cut = 0; cut < bytes.Length; cut++)
        {
            using var head = new ResponseHead();
            head.Reset();
            var first = new SequenceReader<byte>(new ReadOnlySequence<byte>(bytes, 0, cut));
            Assert.False(ResponseHeadParser.TryParse(ref first, head, MaxHead), $"complete at {cut}");

            var consumed = (int)first.Consumed;
            var second = new SequenceReader<byte>(new ReadOnlySequence<byte>(bytes, consumed, bytes.Length - consumed));
            Assert.True(ResponseHeadParser.TryParse(ref second, head, MaxHead), $"incomplete after {cut}");
            AssertValid(head);
        }
    }

    [Fact]
    public void TwoSegmentsSplitAnywhere_ParseTheSameHead()
    {
        var bytes = Encoding.ASCII.GetBytes(Valid);
        for (var split = 1; split < bytes.Length; split++)
        {
            using var head = new ResponseHead();
            head.Reset();
            var reader = new SequenceReader<byte>(Segments.Create(bytes.AsMemory(0, split), bytes.AsMemory(split)));

            Assert.True(ResponseHeadParser.TryParse(ref reader, head, MaxHead), $"split {split}");
            Assert.True(reader.End);
            AssertValid(head);
        }
    }

    [Fact]
    public void OneByteSegments_ParseTheSameHead()
    {
        var bytes = Encoding.ASCII.GetBytes(Valid);
        using var head = new ResponseHead();
        head.Reset();
        var reader = new SequenceReader<byte>(Segments.Create([.. bytes.Select(b => new ReadOnlyMemory<byte>([b]))]));

        Assert.True(ResponseHeadParser.TryParse(ref reader, head, MaxHead));
        AssertValid(head);
    }

    [Fact]
    public void Body_IsLeftUnread()
    {
        using var head = new ResponseHead();
        head.Reset();
        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes(Valid + "hello world")));

        Assert.True(ResponseHeadParser.TryParse(ref reader, head, MaxHead));
        Assert.Equal("hello world", Encoding.ASCII.GetString(reader.UnreadSequence.ToArray()));
    }

    [Theory]
    [InlineData("HTTP/1.0 200 OK\r\n\r\n", false, false)]
    [InlineData("HTTP/1.0 200 OK\r\nConnection: keep-alive\r\n\r\n", false, true)]
    [InlineData("HTTP/1.1 200 OK\r\n\r\n", true, true)]
    [InlineData("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n", true, false)]
    [InlineData("HTTP/1.1 204\r\n\r\n", true, true)]
    public void VersionAndConnection_DecideKeepAlive(string text, bool http11, bool keepAlive)
    {
        var head = Parse(text);

        Assert.Equal(http11, head.IsHttp11);
        Assert.Equal(keepAlive, head.KeepAlive);
    }

    [Theory]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 1\r\n\r\n", "duplicate Content-Length")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: x\r\n\r\n", "invalid Content-Length")]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\n", "a Transfer-Encoding other than chunked")]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n", "repeated Transfer-Encoding")]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n", "both Content-Length and Transfer-Encoding")]
    public void FramingDoubts_AreRecordedNotThrown(string text, string expected) =>
        Assert.Equal(expected, Parse(text).FramingError);

    [Fact]
    public void Chunked_IsRecognised()
    {
        var head = Parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");

        Assert.True(head.IsChunked);
        Assert.Null(head.FramingError);
        Assert.Equal(-1, head.ContentLength);
    }

    [Theory]
    [InlineData("HTTP/1.1 200 OK\n\r\n", "malformed status line")]
    [InlineData("HTTP/1.1 20 OK\r\n\r\n", "malformed status code")]
    [InlineData("HTTP/1.1 20\r\n\r\n", "malformed status line")]
    [InlineData("HTTP/2.0 200 OK\r\n\r\n", "malformed status line")]
    [InlineData("HTTP/1.2 200 OK\r\n\r\n", "unsupported HTTP version")]
    [InlineData("HTTP/1.1 2x0 OK\r\n\r\n", "malformed status code")]
    [InlineData("HTTP/1.1 099 OK\r\n\r\n", "malformed status code")]
    [InlineData("HTTP/1.1 2000 OK\r\n\r\n", "malformed status code")]
    [InlineData("HTTP/1.1 200 O\rK\r\n\r\n", "malformed status line")]
    [InlineData("HTTP/1.1 200 OK\r\n folded\r\n\r\n", "invalid response header")]
    [InlineData("HTTP/1.1 200 OK\r\nA b: c\r\n\r\n", "invalid response header")]
    public void Malformed_IsRefused(string text, string expected)
    {
        var error = Assert.Throws<InvalidUpstreamResponseException>(() => Parse(text));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HeadOverTheLimit_IsRefusedBeforeItEnds()
    {
        using var head = new ResponseHead();
        head.Reset();
        var text = "HTTP/1.1 200 OK\r\nA: " + new string('b', 2_000);
        var error = Assert.Throws<InvalidUpstreamResponseException>(() =>
        {
            var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes(text)));
            ResponseHeadParser.TryParse(ref reader, head, maxHeadBytes: 1_024);
        });

        Assert.Contains("too large", error.Message, StringComparison.Ordinal);
    }

    private static ResponseHead Parse(string text)
    {
        var head = new ResponseHead();
        head.Reset();
        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(Encoding.Latin1.GetBytes(text)));
        Assert.True(ResponseHeadParser.TryParse(ref reader, head, MaxHead));
        return head;
    }

    private static void AssertValid(ResponseHead head)
    {
        Assert.Equal(206, head.StatusCode);
        Assert.Equal("Partial Content"u8.ToArray(), head.Reason.ToArray());
        Assert.True(head.IsHttp11);
        Assert.Equal(11, head.ContentLength);
        Assert.False(head.IsChunked);
        Assert.True(head.KeepAlive);
        Assert.True(head.HasConnectionHeader);
        Assert.Null(head.FramingError);
        Assert.Equal(5, head.Buffer.Count);
        Assert.Equal("Vary"u8.ToArray(), head.Buffer.Name(4).ToArray());
        Assert.Equal("Origin"u8.ToArray(), head.Buffer.Value(4).ToArray());
        Assert.Equal(0, head.Buffer.Value(3).Length);
    }
}
