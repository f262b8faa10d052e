namespace CorsLab.Spec;

/// <summary>How the request body is framed.</summary>
public enum SpecBodyKind
{
    /// <summary>No body and no framing header at all.</summary>
    None,

    /// <summary><c>Content-Length: N</c> and N bytes.</summary>
    Sized,

    /// <summary><c>Transfer-Encoding: chunked</c>, written as fast as the connection takes it.</summary>
    Chunked,

    /// <summary><c>Transfer-Encoding: chunked</c>, <see cref="SpecBody.Chunks"/> chunks with a pause between them.</summary>
    Dripped,
}

/// <summary>
/// A request body. Its bytes are always the origin's deterministic payload (<c>OriginPayload</c>) from
/// offset 0, so a body echoed back can be checked byte for byte with <see cref="ExpectPayload"/>.
/// </summary>
public sealed record SpecBody(SpecBodyKind Kind, long Length, int Chunks = 1, int IntervalMilliseconds = 0)
{
    public static SpecBody None { get; } = new(SpecBodyKind.None, 0);

    public static SpecBody Sized(long length) => new(SpecBodyKind.Sized, NotNegative(length));

    public static SpecBody Chunked(long length) => new(SpecBodyKind.Chunked, NotNegative(length));

    /// <summary><paramref name="chunks"/> × <paramref name="size"/> bytes, <paramref name="intervalMilliseconds"/> apart.</summary>
    public static SpecBody Dripped(int chunks, int size, int intervalMilliseconds) =>
        new(SpecBodyKind.Dripped, (long)NotNegative(chunks) * NotNegative(size), chunks, intervalMilliseconds);

    public override string ToString() => Kind switch
    {
        SpecBodyKind.None => "no body",
        SpecBodyKind.Dripped => $"{Chunks} chunks of {Length / Math.Max(Chunks, 1)} B every {IntervalMilliseconds} ms",
        _ => $"{Length} B {Kind.ToString().ToLowerInvariant()}",
    };

    private static long NotNegative(long value) =>
        value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "must not be negative");

    private static int NotNegative(int value) =>
        value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "must not be negative");
}
