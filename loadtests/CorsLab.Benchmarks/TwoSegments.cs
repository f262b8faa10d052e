using System.Buffers;

namespace CorsLab.Benchmarks;

/// <summary>A byte array as a two-segment sequence, cut at a given offset: a head that arrived in two reads.</summary>
internal sealed class TwoSegments : ReadOnlySequenceSegment<byte>
{
    private TwoSegments(ReadOnlyMemory<byte> memory, long runningIndex)
    {
        Memory = memory;
        RunningIndex = runningIndex;
    }

    public static ReadOnlySequence<byte> Create(byte[] bytes, int cut)
    {
        var first = new TwoSegments(bytes.AsMemory(0, cut), 0);
        var second = new TwoSegments(bytes.AsMemory(cut), cut);
        first.Next = second;
        return new ReadOnlySequence<byte>(first, 0, second, second.Memory.Length);
    }
}
