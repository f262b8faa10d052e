using System.Buffers;

namespace CorsLab.Fuzz;

/// <summary>
/// Drives a resumable parser twice over one input: whole, in one segment, and as a socket delivers it, in reads of
/// varying size, each call seeing what earlier calls left unconsumed plus the new read. The targets require both
/// to end the same way, so a parser that loses or repeats bytes when it resumes is a crash.
/// </summary>
internal static class Reads
{
    /// <summary>Read sizes, cycled: one-byte reads split every token somewhere; the larger ones keep long inputs quick.</summary>
    private static readonly int[] Sizes = [1, 3, 2, 7, 1, 16, 5, 64];

    /// <summary>One parser call; true when the parser is finished (accepted or gave up) and wants no more bytes.</summary>
    public delegate bool Step(ref SequenceReader<byte> reader);

    /// <returns>The bytes consumed over all calls.</returns>
    public static long Whole(byte[] input, Step step)
    {
        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(input));
        step(ref reader);
        return reader.Consumed;
    }

    /// <returns>The bytes consumed over all calls.</returns>
    public static long Incremental(byte[] input, Step step)
    {
        var consumed = 0;
        var delivered = 0;
        for (var read = 0; delivered < input.Length; read++)
        {
            var next = Math.Min(input.Length, delivered + Sizes[read % Sizes.Length]);
            var sequence = BufferSegment.Create(input.AsMemory(consumed, delivered - consumed), input.AsMemory(delivered, next - delivered));
            delivered = next;
            var reader = new SequenceReader<byte>(sequence);
            var done = step(ref reader);
            consumed += (int)reader.Consumed;
            if (done)
            {
                break;
            }
        }

        return consumed;
    }
}
