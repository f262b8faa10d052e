using System.Buffers;
using System.Text;
using CorsLab.Protocol;
using CorsLab.Proxies.Core;
using CorsLab.Proxies.Pipelines.Http;
using CsCheck;

namespace CorsLab.Proxies.Pipelines.Tests;

/// <summary>
/// Properties of <see cref="RequestParser"/> over generated input (CsCheck; a failure prints its seed and the
/// shrunk message): a request built from parts parses back to those parts however its bytes are cut, and any
/// bytes at all are accepted or refused with <see cref="BadHttpRequestException"/>, the same way whole or resumed,
/// never holding more unparsed bytes than the limits allow.
/// </summary>
public sealed class RequestParserPropertyTests
{
    private static readonly ProxyLimits Limits = new();

    /// <summary>Small, so generated and mutated heads reach the limit checks.</summary>
    private static readonly ProxyLimits SmallLimits = new() { MaxRequestLineBytes = 64, MaxRequestHeaderBytes = 384 };

    private static readonly string[] SpecialNames = ["Host", "Content-Length", "Transfer-Encoding", "Connection", "Expect", "Origin", CorrelationHeader.Name];

    private static readonly byte[] TargetBytes = [.. Enumerable.Range(0x21, 0x5E).Concat(Enumerable.Range(0x80, 0x80)).Select(b => (byte)b)];

    private static readonly Gen<string> Target = Gen.OneOf(
        Gen.Int[0, TargetBytes.Length - 1].Array[0, 40].Select(indexes => "/" + Encoding.Latin1.GetString([.. indexes.Select(i => TargetBytes[i])])),
        Gen.Const("*"),
        Gen.Const("http://a.test:8080/x?y=1"));

    private static readonly Gen<(string Name, byte[] Value)> OtherField =
        Gen.Select(HttpGen.Token.Where(name => !SpecialNames.Contains(name, StringComparer.OrdinalIgnoreCase)), HttpGen.FieldValue);

    private static readonly Gen<Request> Requests =
        from method in HttpGen.Token
        from target in Target
        from http11 in Gen.Bool
        from blankLines in Gen.Int[0, 2]
        from others in OtherField.Array[0, 6]
        from framing in Gen.Int[0, 2]
        from length in Gen.Long[0, 999_999_999_999_999_999]
        from connection in Gen.OneOf("", "close", "keep-alive", "Keep-Alive, x-hop", "upgrade,  CLOSE")
        from optional in Gen.Int[0, 7]
        from spaces in HttpGen.Ows.Array[16]
        from noise in Gen.Int
        select Request.Build(method, target, http11, blankLines, others, framing, length, connection, optional, spaces, noise);

    [Fact]
    public void GeneratedRequest_ParsesToWhatWasGenerated_HoweverItIsCut() =>
        Gen.Select(Requests, HttpGen.Cuts).Sample((request, rawCuts) =>
        {
            var cuts = SplitFeed.Normalize(rawCuts, request.Bytes.Length);
            AssertParsesBack(request, cuts, SplitFeed.Segmented);
            AssertParsesBack(request, cuts, SplitFeed.Resumed);
        }, iter: 400);

    [Fact]
    public void MutatedRequest_AcceptedOrRefusedAlike_WholeOrResumed_WithinTheLimits() =>
        Gen.Select(Requests, HttpGen.Mutations, HttpGen.Cuts).Sample((request, mutations, rawCuts) =>
        {
            var bytes = HttpGen.Mutate(request.Bytes, mutations);
            var cuts = SplitFeed.Normalize(rawCuts, bytes.Length);
            Assert.Equal(Outcome(bytes, [], SplitFeed.Segmented), Outcome(bytes, cuts, SplitFeed.Resumed));
        }, iter: 1500, print: t => Escape(HttpGen.Mutate(t.Item1.Bytes, t.Item2)));

    [Fact]
    public void ArbitraryBytes_AcceptedOrRefusedAlike_WholeOrResumed_WithinTheLimits() =>
        Gen.Select(Gen.Byte.Array[0, 600], HttpGen.Cuts).Sample((bytes, rawCuts) =>
        {
            var cuts = SplitFeed.Normalize(rawCuts, bytes.Length);
            Assert.Equal(Outcome(bytes, [], SplitFeed.Segmented), Outcome(bytes, cuts, SplitFeed.Resumed));
        }, iter: 1000);

    private static void AssertParsesBack(Request request, int[] cuts, Func<byte[], int[], SplitFeed.Step, long> feed)
    {
        using var head = new RequestHead();
        head.Reset();
        var done = false;
        var consumed = feed(request.Bytes, cuts, (ref SequenceReader<byte> reader) => done = RequestParser.TryParse(ref reader, head, Limits));

        Assert.True(done, "the head is complete");
        Assert.Equal(request.HeadLength, consumed);
        Assert.Equal(HttpGen.Ascii(request.Method), head.Method.ToArray());
        Assert.Equal(HttpGen.Ascii(request.Target), head.Target.ToArray());
        Assert.Equal(request.Http11, head.IsHttp11);
        Assert.Equal(request.ContentLength, head.ContentLength);
        Assert.Equal(request.Chunked, head.IsChunked);
        Assert.Equal(request.KeepAlive, head.KeepAlive);
        Assert.Equal(request.ExpectContinue, head.ExpectContinue);
        Assert.Equal(request.IndexOf("Origin"), head.OriginIndex);
        Assert.Equal(request.IndexOf(CorrelationHeader.Name), head.RequestIdIndex);
        Assert.Equal(request.Fields.Length, head.Buffer.Count);
        for (var i = 0; i < request.Fields.Length; i++)
        {
            Assert.Equal(HttpGen.Ascii(request.Fields[i].Name), head.Buffer.Name(i).ToArray());
            Assert.Equal(request.Fields[i].Value, head.Buffer.Value(i).ToArray());
        }
    }

    /// <summary>How parsing ended; asserts on the way that bytes held back for more never exceed the limits.</summary>
    private static string Outcome(byte[] bytes, int[] cuts, Func<byte[], int[], SplitFeed.Step, long> feed)
    {
        using var head = new RequestHead();
        head.Reset();
        var done = false;
        try
        {
            var consumed = feed(bytes, cuts, (ref SequenceReader<byte> reader) =>
            {
                done = RequestParser.TryParse(ref reader, head, SmallLimits);
                var pending = reader.Length - reader.Consumed;
                if (!done && head.State == RequestParseState.RequestLine)
                {
                    Assert.True(pending <= SmallLimits.MaxRequestLineBytes + 1, $"{pending} bytes held for a request line");
                }
                else if (!done)
                {
                    Assert.True(head.HeaderBytes + pending <= SmallLimits.MaxRequestHeaderBytes, $"{head.HeaderBytes} + {pending} header bytes held");
                }

                return done;
            });
            return done
                ? $"accepted {consumed}: {Escape(head.Method)} {Escape(head.Target)} {head.IsHttp11} {head.ContentLength} {head.IsChunked} {head.KeepAlive} {head.Buffer.Count}"
                : $"incomplete {consumed}";
        }
        catch (BadHttpRequestException rejected)
        {
            return $"refused {rejected.Reason} {rejected.StatusCode}";
        }
    }

    private static string Escape(ReadOnlySpan<byte> bytes) => Encoding.Latin1.GetString(bytes).ReplaceLineEndings("⏎");

    /// <summary>A request head built from parts, what the parser must report for it, and its bytes (a body follows the head).</summary>
    private sealed record Request(string Method, string Target, bool Http11, (string Name, byte[] Value)[] Fields, long ContentLength, bool Chunked, bool KeepAlive, bool ExpectContinue, byte[] Bytes, int HeadLength)
    {
        public static Request Build(string method, string target, bool http11, int blankLines, (string Name, byte[] Value)[] others, int framing, long length, string connection, int optional, string[] spaces, int noise)
        {
            var random = new Random(noise);
            var chunked = framing == 2 && http11;
            var fields = others.ToList();
            if (http11 || (optional & 1) == 1)
            {
                fields.Add(("Host", "proxy"u8.ToArray()));
            }

            if (framing == 1)
            {
                fields.Add(("Content-Length", HttpGen.Ascii(length.ToString(System.Globalization.CultureInfo.InvariantCulture))));
            }

            if (chunked)
            {
                fields.Add(("Transfer-Encoding", HttpGen.Ascii(HttpGen.MixCase("chunked", noise))));
            }

            if (connection.Length > 0)
            {
                fields.Add(("Connection", HttpGen.Ascii(connection)));
            }

            var expect = (optional & 2) == 2;
            if (expect)
            {
                fields.Add(("Expect", "100-continue"u8.ToArray()));
            }

            if ((optional & 4) == 4)
            {
                fields.Add(("Origin", "http://a.test"u8.ToArray()));
                fields.Add((CorrelationHeader.Name, "42"u8.ToArray()));
            }

            (string Name, byte[] Value)[] shuffled = [.. fields.OrderBy(_ => random.Next()).Select(f => (SpecialNames.Contains(f.Name) ? HttpGen.MixCase(f.Name, random.Next()) : f.Name, f.Value))];
            var head = new List<byte>();
            head.AddRange(HttpGen.Ascii(string.Concat(Enumerable.Repeat("\r\n", blankLines)) + $"{method} {target} HTTP/1.{(http11 ? 1 : 0)}\r\n"));
            for (var i = 0; i < shuffled.Length; i++)
            {
                head.AddRange(HttpGen.Ascii($"{shuffled[i].Name}:{spaces[(2 * i) % spaces.Length]}"));
                head.AddRange(shuffled[i].Value);
                head.AddRange(HttpGen.Ascii($"{spaces[((2 * i) + 1) % spaces.Length]}\r\n"));
            }

            head.AddRange("\r\n"u8.ToArray());
            var close = connection.Contains("close", StringComparison.OrdinalIgnoreCase);
            var keepAlive = http11 ? !close : connection.Contains("keep-alive", StringComparison.OrdinalIgnoreCase) && !close;
            byte[] body = chunked ? [.. "0\r\n\r\n"u8] : [.. "BODY"u8];
            return new Request(method, target, http11, shuffled, framing == 1 ? length : -1, chunked, keepAlive, expect, [.. head, .. body], head.Count);
        }

        public int IndexOf(string name) => Array.FindIndex(Fields, field => string.Equals(field.Name, name, StringComparison.OrdinalIgnoreCase));

        public override string ToString() => Escape(Bytes);
    }
}
