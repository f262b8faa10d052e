namespace CorsLab.Protocol;

/// <summary>
/// The bytes every payload endpoint sends: byte <c>i</c> of a body is <c>Pattern[i mod 65521]</c>, where
/// <c>Pattern[j]</c> is the low byte of output <c>j + 1</c> of SplitMix64 seeded with 0 (Steele, Lea and Flood 2014). The period is prime, so a dropped, repeated or reordered chunk of any
/// power-of-two size shows up; the table makes filling a memory copy, so the origin stays cheap under load.
/// </summary>
public static class OriginPayload
{
    /// <summary>Length of the repeating pattern: the largest prime below 64 Ki.</summary>
    public const int Period = 65_521;

    /// <summary>The largest slice <see cref="Slice"/> hands out in one piece.</summary>
    public const int MaxSlice = 65_536;

    // Period bytes, followed by the first MaxSlice bytes again, so any slice up to MaxSlice is contiguous.
    private static readonly byte[] Table = CreateTable();

    /// <summary>Fills <paramref name="destination"/> with the payload bytes starting at body offset <paramref name="offset"/>.</summary>
    public static void Fill(Span<byte> destination, long offset)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        while (!destination.IsEmpty)
        {
            var slice = Slice(offset, destination.Length);
            slice.Span.CopyTo(destination);
            destination = destination[slice.Length..];
            offset += slice.Length;
        }
    }

    /// <summary>Whether <paramref name="data"/> equals the payload bytes starting at body offset <paramref name="offset"/>.</summary>
    public static bool Matches(ReadOnlySpan<byte> data, long offset)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        while (!data.IsEmpty)
        {
            var slice = Slice(offset, data.Length).Span;
            if (!data[..slice.Length].SequenceEqual(slice))
            {
                return false;
            }

            data = data[slice.Length..];
            offset += slice.Length;
        }

        return true;
    }

    /// <summary>The payload bytes at <paramref name="offset"/>: at most <paramref name="count"/> and at most <see cref="MaxSlice"/>.</summary>
    public static ReadOnlyMemory<byte> Slice(long offset, long count)
    {
        var start = (int)(offset % Period);
        var length = (int)Math.Min(count, MaxSlice);
        return new ReadOnlyMemory<byte>(Table, start, length);
    }

    private static byte[] CreateTable()
    {
        var table = new byte[Period + MaxSlice];
        for (var k = 0; k < table.Length; k++)
        {
            table[k] = (byte)SplitMix64((ulong)(k % Period));
        }

        return table;
    }

    private static ulong SplitMix64(ulong x)
    {
        var z = x * 0x9E3779B97F4A7C15UL + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
