using System.Buffers;

namespace CorsLab.Fuzz;

/// <summary>Builds the two-segment sequence a pipe hands over: what the parser left unconsumed, then the new read.</summary>
internal sealed class BufferSegment : ReadOnlySequenceSegment<byte>
{
    private BufferSegment(ReadOnlyMemory<byte> memory) => Memory = memory;

    public static ReadOnlySequence<byte> Create(ReadOnlyMemory<byte> first, ReadOnlyMemory<byte> second)
    {
        if (first.IsEmpty || second.IsEmpty)
        {
            return new ReadOnlySequence<byte>(first.IsEmpty ? second : first);
        }

        var head = new BufferSegment(first);
        var tail = new BufferSegment(second) { RunningIndex = first.Length };
        head.Next = tail;
        return new ReadOnlySequence<byte>(head, 0, tail, tail.Memory.Length);
    }
}
