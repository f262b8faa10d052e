using System.Buffers;
using System.Text;
using CorsLab.Proxies.Pipelines.Http;
using CsCheck;

namespace CorsLab.Proxies.Pipelines.Tests;

/// <summary>
/// Properties of <see cref="ResponseHeadParser"/> and the framing judged from its head (CsCheck): a response built
/// from parts parses back to those parts and to the framing RFC 9112 §6.3 gives it however its bytes are cut, and
/// any bytes at all are accepted or refused with <see cref="InvalidUpstreamResponseException"/>, the same way whole
/// or resumed, never holding more than the head limit.
/// </summary>
public sealed class ResponseHeadParserPropertyTests
{
    private const int MaxHead = 64 * 1024;

    /// <summary>Small, so generated and mutated heads reach the size check.</summary>
    private const int SmallMaxHead = 384;

    private static readonly string[] SpecialNames = ["Content-Length", "Transfer-Encoding", "Connection"];

    /// <summary>A reason phrase: HTAB, SP, VCHAR, obs-text (RFC 9112 §4).</summary>
    private static readonly Gen<byte[]> Reason = HttpGen.FieldValue;

    private static readonly Gen<(string Name, byte[] Value)> OtherField =
        Gen.Select(HttpGen.Token.Where(name => !SpecialNames.Contains(name, StringComparer.OrdinalIgnoreCase)), HttpGen.FieldValue);

    private static readonly Gen<Response> Responses =
        from status in Gen.Int[100, 999]
        from reason in Reason
        from http11 in Gen.Bool
        from others in OtherField.Array[0, 6]
        from framing in Gen.Int[0, 2]
        from length in Gen.Long[0, 999_999_999_999_999_999]
        from connection in Gen.OneOf("", "close", "keep-alive", "Keep-Alive, x-hop", "upgrade,  CLOSE")
        from spaces in HttpGen.Ows.Array[16]
        from noise in Gen.Int
        select Response.Build(status, reason, http11, others, framing, length, connection, spaces, noise);

    [Fact]
    public void GeneratedResponse_ParsesToWhatWasGenerated_HoweverItIsCut() =>
        Gen.Select(Responses, HttpGen.Cuts).Sample((response, rawCuts) =>
        {
            var cuts = SplitFeed.Normalize(rawCuts, response.Bytes.Length);
            AssertParsesBack(response, cuts, SplitFeed.Segmented);
            AssertParsesBack(response, cuts, SplitFeed.Resumed);
        }, iter: 400);

    [Fact]
    public void MutatedResponse_AcceptedOrRefusedAlike_WholeOrResumed_WithinTheLimit() =>
        Gen.Select(Responses, HttpGen.Mutations, HttpGen.Cuts).Sample((response, mutations, rawCuts) =>
        {
            var bytes = HttpGen.Mutate(response.Bytes, mutations);
            var cuts = SplitFeed.Normalize(rawCuts, bytes.Length);
            Assert.Equal(Outcome(bytes, [], SplitFeed.Segmented), Outcome(bytes, cuts, SplitFeed.Resumed));
        }, iter: 1500, print: t => Encoding.Latin1.GetString(HttpGen.Mutate(t.Item1.Bytes, t.Item2)));

    [Fact]
    public void ArbitraryBytes_AcceptedOrRefusedAlike_WholeOrResumed_WithinTheLimit() =>
        Gen.Select(Gen.Byte.Array[0, 600], HttpGen.Cuts).Sample((bytes, rawCuts) =>
        {
            var cuts = SplitFeed.Normalize(rawCuts, bytes.Length);
            Assert.Equal(Outcome(bytes, [], SplitFeed.Segmented), Outcome(bytes, cuts, SplitFeed.Resumed));
        }, iter: 1000);

    private static void AssertParsesBack(Response response, int[] cuts, Func<byte[], int[], SplitFeed.Step, long> feed)
    {
        using var head = new ResponseHead();
        head.Reset();
        var done = false;
        var consumed = feed(response.Bytes, cuts, (ref SequenceReader<byte> reader) => done = ResponseHeadParser.TryParse(ref reader, head, MaxHead));

        Assert.True(done, "the head is complete");
        Assert.Equal(response.HeadLength, consumed);
        Assert.Equal(response.Status, head.StatusCode);
        Assert.Equal(response.Http11, head.IsHttp11);
        Assert.Equal(response.Reason, head.Reason.ToArray());
        Assert.Equal(response.KeepAlive, head.KeepAlive);
        Assert.Equal(response.Framing, BodyFraming.ForResponse(head, isHeadRequest: false));
        Assert.Equal(BodyFraming.None, BodyFraming.ForResponse(head, isHeadRequest: true));
        Assert.Equal(response.Fields.Length, head.Buffer.Count);
        for (var i = 0; i < response.Fields.Length; i++)
        {
            Assert.Equal(HttpGen.Ascii(response.Fields[i].Name), head.Buffer.Name(i).ToArray());
            Assert.Equal(response.Fields[i].Value, head.Buffer.Value(i).ToArray());
        }
    }

    private static string Outcome(byte[] bytes, int[] cuts, Func<byte[], int[], SplitFeed.Step, long> feed)
    {
        using var head = new ResponseHead();
        head.Reset();
        var done = false;
        try
        {
            var consumed = feed(bytes, cuts, (ref SequenceReader<byte> reader) =>
            {
                done = ResponseHeadParser.TryParse(ref reader, head, SmallMaxHead);
                Assert.True(done || head.HeadBytes + reader.Length - reader.Consumed <= SmallMaxHead, "bytes held past the head limit");
                return done;
            });
            if (!done)
            {
                return $"incomplete {consumed}";
            }

            string framing;
            try
            {
                framing = BodyFraming.ForResponse(head, isHeadRequest: false).ToString();
            }
            catch (InvalidUpstreamResponseException ambiguous)
            {
                framing = ambiguous.Message;
            }

            return $"accepted {consumed}: {head.StatusCode} {head.IsHttp11} {head.KeepAlive} {head.Buffer.Count} {framing}";
        }
        catch (InvalidUpstreamResponseException refused)
        {
            return $"refused: {refused.Message}";
        }
    }

    /// <summary>A response head built from parts, what the parser and the framing rules must report for it, and its bytes.</summary>
    private sealed record Response(int Status, byte[] Reason, bool Http11, (string Name, byte[] Value)[] Fields, BodyFraming Framing, bool KeepAlive, byte[] Bytes, int HeadLength)
    {
        public static Response Build(int status, byte[] reason, bool http11, (string Name, byte[] Value)[] others, int framing, long length, string connection, string[] spaces, int noise)
        {
            var random = new Random(noise);
            var fields = others.ToList();
            if (framing == 1)
            {
                fields.Add((HttpGen.MixCase("Content-Length", noise), HttpGen.Ascii(length.ToString(System.Globalization.CultureInfo.InvariantCulture))));
            }
            else if (framing == 2)
            {
                fields.Add((HttpGen.MixCase("Transfer-Encoding", noise), HttpGen.Ascii(HttpGen.MixCase("chunked", noise >> 3))));
            }

            if (connection.Length > 0)
            {
                fields.Add((HttpGen.MixCase("Connection", noise >> 5), HttpGen.Ascii(connection)));
            }

            (string Name, byte[] Value)[] shuffled = [.. fields.OrderBy(_ => random.Next())];
            var head = new List<byte>();
            // The reason phrase may be absent together with its space ("HTTP/1.1 204\r\n").
            head.AddRange(HttpGen.Ascii($"HTTP/1.{(http11 ? 1 : 0)} {status}{(reason.Length > 0 || (noise & 1) == 1 ? " " : "")}"));
            head.AddRange(reason);
            head.AddRange("\r\n"u8.ToArray());
            for (var i = 0; i < shuffled.Length; i++)
            {
                head.AddRange(HttpGen.Ascii($"{shuffled[i].Name}:{spaces[(2 * i) % spaces.Length]}"));
                head.AddRange(shuffled[i].Value);
                head.AddRange(HttpGen.Ascii($"{spaces[((2 * i) + 1) % spaces.Length]}\r\n"));
            }

            head.AddRange("\r\n"u8.ToArray());
            var close = connection.Contains("close", StringComparison.OrdinalIgnoreCase);
            var keepAlive = http11 ? !close : connection.Contains("keep-alive", StringComparison.OrdinalIgnoreCase) && !close;
            var expected = status is < 200 or 204 or 304 ? BodyFraming.None
                : framing == 2 ? BodyFraming.Chunked
                : framing == 1 ? BodyFraming.Sized(length)
                : BodyFraming.UntilClose;
            return new Response(status, reason, http11, shuffled, expected, keepAlive, [.. head, .. "BODY"u8], head.Count);
        }

        public override string ToString() => Encoding.Latin1.GetString(Bytes).ReplaceLineEndings("⏎");
    }
}
