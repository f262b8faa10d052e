using System.Buffers;

namespace CorsLab.Proxies.Pipelines.Http;

/// <summary>
/// A message head copied out of the socket's buffers, line by line, into one pooled array, with the
/// header fields as offsets into it. One per connection, reused for every message it carries, so a
/// steady stream of requests allocates nothing here. Copying once makes every later look-up a plain span,
/// whatever segments the head arrived in.
/// </summary>
internal sealed class HeadBuffer : IDisposable
{
    /// <summary>Most heads fit in 4 KB (browsers send 0.5–2 KB); larger ones grow by doubling up to the limit.</summary>
    private const int InitialBytes = 4 * 1024;

    private byte[] _bytes = ArrayPool<byte>.Shared.Rent(InitialBytes);
    private HeaderField[] _fields = new HeaderField[32];

    public int Length { get; private set; }

    public int Count { get; private set; }

    public HeaderField this[int index] => _fields[index];

    public ReadOnlySpan<byte> Span(int start, int length) => _bytes.AsSpan(start, length);

    public ReadOnlySpan<byte> Name(int index) => _bytes.AsSpan(_fields[index].NameStart, _fields[index].NameLength);

    public ReadOnlySpan<byte> Value(int index) => _bytes.AsSpan(_fields[index].ValueStart, _fields[index].ValueLength);

    /// <summary>Copies one line (any number of segments) to the end; returns where it starts.</summary>
    public int Append(in ReadOnlySequence<byte> line)
    {
        var length = checked((int)line.Length);
        EnsureCapacity(Length + length);
        var start = Length;
        line.CopyTo(_bytes.AsSpan(start));
        Length += length;
        return start;
    }

    public void Add(HeaderField field)
    {
        if (Count == _fields.Length)
        {
            Array.Resize(ref _fields, _fields.Length * 2);
        }

        _fields[Count++] = field;
    }

    public void Reset()
    {
        Length = 0;
        Count = 0;
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_bytes);
        _bytes = [];
    }

    private void EnsureCapacity(int needed)
    {
        if (needed <= _bytes.Length)
        {
            return;
        }

        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, _bytes.Length * 2));
        _bytes.AsSpan(0, Length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_bytes);
        _bytes = larger;
    }
}
