using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using System.Text;
using CorsLab.Proxies.Pipelines.Http;
using CsCheck;

namespace CorsLab.Proxies.Pipelines.Tests;

/// <summary>
/// Properties of <see cref="ChunkedDecoder"/> over generated bodies (CsCheck): what <see cref="ChunkedEncoder"/>
/// writes decodes to the same bytes for any chunk sizes and any cuts; so does framing written every way RFC 9112
/// §7.1 allows (hex case, leading zeros, extensions, trailers); any bytes at all are decoded or refused with
/// <see cref="InvalidDataException"/>, the same way whole or resumed.
/// </summary>
public sealed class ChunkedDecoderPropertyTests
{
    private static readonly byte[] Next = "NEXT"u8.ToArray();

    /// <summary>Chunks of 1 byte to a few KB (sizes of one to four hex digits); an empty chunk would be the last one.</summary>
    private static readonly Gen<byte[][]> Chunks = Gen.Byte.Array[1, 3000].Array[0, 6];

    private static readonly Gen<string> Extension = Gen.OneOf("", ";a=b", " ;a", "\t;name=\"quoted value\"", ";x;y=1 ");

    [Fact]
    public void EncodedChunks_DecodeToTheSameBytes_HoweverTheyAreCut() =>
        Gen.Select(Chunks, HttpGen.Cuts, Gen.Bool).Sample((chunks, rawCuts, asSequence) =>
        {
            var encoded = Encode(chunks, asSequence);
            var cuts = SplitFeed.Normalize(rawCuts, encoded.Length);
            var expected = Convert.ToHexString([.. chunks.SelectMany(chunk => chunk)]);

            Assert.Equal(("completed", expected, encoded.Length - Next.Length), Decode(encoded, cuts, SplitFeed.Segmented));
            Assert.Equal(("completed", expected, encoded.Length - Next.Length), Decode(encoded, cuts, SplitFeed.Resumed));
        }, iter: 300);

    [Fact]
    public void FramingWrittenAnyValidWay_DecodesToTheSameBytes() =>
        Gen.Select(Chunks, Gen.Select(Gen.Bool, Gen.Int[0, 3], Extension).Array[7], HttpGen.Cuts, Gen.Int[0, 3]).Sample((chunks, styles, rawCuts, trailers) =>
        {
            var framing = new StringBuilder();
            var body = new List<byte>();
            for (var i = 0; i <= chunks.Length; i++)
            {
                var data = i < chunks.Length ? chunks[i] : [];
                var (upper, zeros, extension) = styles[i % styles.Length];
                var size = data.Length.ToString(upper ? "X" : "x", CultureInfo.InvariantCulture);
                framing.Append(new string('0', zeros)).Append(size).Append(extension).Append("\r\n");
                body.AddRange(HttpGen.Ascii(framing.ToString()));
                framing.Clear();
                body.AddRange(data);
                body.AddRange(i < chunks.Length ? "\r\n"u8.ToArray() : []);
            }

            body.AddRange(HttpGen.Ascii(string.Concat(Enumerable.Range(0, trailers).Select(t => $"Trailer-{t}: v{t}\r\n")) + "\r\n"));
            body.AddRange(Next);
            byte[] encoded = [.. body];
            var cuts = SplitFeed.Normalize(rawCuts, encoded.Length);
            var expected = Convert.ToHexString([.. chunks.SelectMany(chunk => chunk)]);

            Assert.Equal(("completed", expected, encoded.Length - Next.Length), Decode(encoded, cuts, SplitFeed.Resumed));
        }, iter: 300);

    [Fact]
    public void MutatedBody_DecodedOrRefusedAlike_WholeOrResumed() =>
        Gen.Select(Gen.Byte.Array[1, 40].Array[0, 4], HttpGen.Mutations, HttpGen.Cuts).Sample((chunks, mutations, rawCuts) =>
        {
            var bytes = HttpGen.Mutate(Encode(chunks, asSequence: false), mutations);
            var cuts = SplitFeed.Normalize(rawCuts, bytes.Length);
            Assert.Equal(Outcome(bytes, [], SplitFeed.Segmented), Outcome(bytes, cuts, SplitFeed.Resumed));
        }, iter: 1500);

    [Fact]
    public void ArbitraryBytes_DecodedOrRefusedAlike_WholeOrResumed() =>
        Gen.Select(Gen.Byte.Array[0, 400], HttpGen.Cuts).Sample((bytes, rawCuts) =>
        {
            var cuts = SplitFeed.Normalize(rawCuts, bytes.Length);
            Assert.Equal(Outcome(bytes, [], SplitFeed.Segmented), Outcome(bytes, cuts, SplitFeed.Resumed));
        }, iter: 1000);

    [Fact]
    public void UnendedSizeLineOrTrailer_IsHeldUpToItsBound_ThenRefused() =>
        Gen.Select(Gen.Bool, Gen.Int[0, 40_000], HttpGen.Cuts).Sample((inTrailers, length, rawCuts) =>
        {
            // 4 KB for a size line with its extensions, 32 KB for the trailer section (ChunkedDecoder's bounds).
            var bound = inTrailers ? 32 * 1024 : 4 * 1024;
            var line = inTrailers ? "X-T: " + new string('v', length) : "1;" + new string('e', length);
            var bytes = HttpGen.Ascii((inTrailers ? "0\r\n" : "") + line);
            var cuts = SplitFeed.Normalize([.. rawCuts.Select(cut => cut * 10)], bytes.Length);
            var decoder = default(ChunkedDecoder);
            try
            {
                SplitFeed.Resumed(bytes, cuts, (ref SequenceReader<byte> reader) =>
                {
                    Assert.Equal(ChunkedStatus.NeedMoreData, decoder.Read(ref reader, out _));
                    Assert.InRange(reader.Length - reader.Consumed, 0, bound);
                    return false;
                });
                Assert.InRange(line.Length, 0, bound);
            }
            catch (InvalidDataException)
            {
                Assert.True(line.Length > bound, $"refused a {line.Length}-byte line under the {bound}-byte bound");
            }
        }, iter: 100);

    /// <summary>The chunks through <see cref="ChunkedEncoder"/> (span or sequence overload), the last chunk, then the next message's bytes.</summary>
    private static byte[] Encode(byte[][] chunks, bool asSequence)
    {
        var pipe = new Pipe();
        foreach (var chunk in chunks)
        {
            if (asSequence && chunk.Length > 1)
            {
                ChunkedEncoder.WriteChunk(pipe.Writer, Segments.Create(chunk.AsMemory(0, chunk.Length / 2), chunk.AsMemory(chunk.Length / 2)));
            }
            else
            {
                ChunkedEncoder.WriteChunk(pipe.Writer, chunk);
            }
        }

        ChunkedEncoder.WriteLastChunk(pipe.Writer);
        pipe.Writer.Write(Next);
        pipe.Writer.Complete();
        Assert.True(pipe.Reader.TryRead(out var result));
        var bytes = result.Buffer.ToArray();
        pipe.Reader.AdvanceTo(result.Buffer.End);
        pipe.Reader.Complete();
        return bytes;
    }

    private static (string Status, string Data, long Consumed) Decode(byte[] bytes, int[] cuts, Func<byte[], int[], SplitFeed.Step, long> feed)
    {
        var decoder = default(ChunkedDecoder);
        var data = new List<byte>();
        var completed = false;
        var consumed = feed(bytes, cuts, (ref SequenceReader<byte> reader) =>
        {
            ChunkedStatus status;
            while ((status = decoder.Read(ref reader, out var slice)) == ChunkedStatus.Data)
            {
                Assert.False(slice.IsEmpty, "a data slice is never empty");
                data.AddRange(slice.ToArray());
            }

            completed = status == ChunkedStatus.Completed;
            return completed;
        });
        return (completed ? "completed" : "incomplete", Convert.ToHexString([.. data]), consumed);
    }

    private static string Outcome(byte[] bytes, int[] cuts, Func<byte[], int[], SplitFeed.Step, long> feed)
    {
        try
        {
            var (status, data, consumed) = Decode(bytes, cuts, feed);
            return $"{status} {consumed}: {data}";
        }
        catch (InvalidDataException refused)
        {
            return $"refused: {refused.Message}";
        }
    }
}
