using System.Buffers;
using CorsLab.Proxies.Pipelines.Http;

namespace CorsLab.Fuzz;

/// <summary>
/// <see cref="ChunkedDecoder"/>: <see cref="InvalidDataException"/> (<c>HttpThrow.InvalidChunk</c>) is its only
/// rejection; whole and read by read must yield the same data bytes, the same end and the same bytes consumed.
/// </summary>
internal static class ChunkedTarget
{
    public static void Run(byte[] input)
    {
        var whole = Decode(input, Reads.Whole);
        var incremental = Decode(input, Reads.Incremental);
        FuzzFailure.Unless(whole == incremental, $"whole input: {whole}; read by read: {incremental}");
    }

    private static string Decode(byte[] input, Func<byte[], Reads.Step, long> feed)
    {
        var decoder = default(ChunkedDecoder);
        var body = new List<byte>();
        var completed = false;
        long consumed;
        try
        {
            consumed = feed(input, (ref SequenceReader<byte> reader) =>
            {
                ChunkedStatus status;
                while ((status = decoder.Read(ref reader, out var data)) == ChunkedStatus.Data)
                {
                    FuzzFailure.Unless(!data.IsEmpty, "an empty data slice");
                    body.AddRange(data.ToArray());
                }

                completed = status == ChunkedStatus.Completed;
                return completed;
            });
        }
        catch (InvalidDataException rejected)
        {
            return $"rejected after {body.Count} data bytes: {rejected.Message}";
        }

        FuzzFailure.Unless(consumed <= input.Length && body.Count <= consumed, "more data than bytes consumed");
        return $"{(completed ? "completed" : "incomplete")} after {consumed} bytes: {Convert.ToHexString([.. body])}";
    }
}
