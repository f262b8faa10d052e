using System.Buffers;

namespace CorsLab.Proxies.Pipelines.Tests;

/// <summary>
/// Runs a resumable parser over bytes cut at given points, the two ways a pipe can hand them over: all at once as
/// one sequence with a segment per piece, and piece by piece, each call getting back what the previous ones left
/// unconsumed plus the next piece (as <c>AdvanceTo(consumed, examined)</c> does).
/// </summary>
internal static class SplitFeed
{
    /// <summary>One parser call; true when the parser wants no more bytes.</summary>
    public delegate bool Step(ref SequenceReader<byte> reader);

    /// <returns>The bytes consumed.</returns>
    public static long Segmented(byte[] bytes, int[] cuts, Step step)
    {
        var reader = new SequenceReader<byte>(Slice(bytes, 0, bytes.Length, cuts));
        step(ref reader);
        return reader.Consumed;
    }

    /// <returns>The bytes consumed over all calls.</returns>
    public static long Resumed(byte[] bytes, int[] cuts, Step step)
    {
        var consumed = 0;
        foreach (var end in cuts.Append(bytes.Length))
        {
            var reader = new SequenceReader<byte>(Slice(bytes, consumed, end, cuts));
            var done = step(ref reader);
            consumed += (int)reader.Consumed;
            if (done)
            {
                break;
            }
        }

        return consumed;
    }

    /// <summary>Cut points for a message of <paramref name="length"/> bytes: up to eight, sorted, distinct, inside it.</summary>
    public static int[] Normalize(int[] cuts, int length) =>
        [.. cuts.Select(cut => length == 0 ? 0 : cut % (length + 1)).Where(cut => cut > 0 && cut < length).Distinct().Order()];

    private static ReadOnlySequence<byte> Slice(byte[] bytes, int start, int end, int[] cuts)
    {
        var bounds = cuts.Where(cut => cut > start && cut < end).Prepend(start).Append(end).ToArray();
        var pieces = new ReadOnlyMemory<byte>[bounds.Length - 1];
        for (var i = 0; i < pieces.Length; i++)
        {
            pieces[i] = bytes.AsMemory(bounds[i], bounds[i + 1] - bounds[i]);
        }

        return Segments.Create(pieces);
    }
}
