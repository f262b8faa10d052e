namespace CorsLab.Protocol.OriginTimings;

/// <summary>
/// The body of <c>GET /_corslab/timings</c>, schema <see cref="SchemaV1"/>.
/// </summary>
/// <param name="Schema">Always <see cref="SchemaV1"/> for this shape; a new shape gets a new name.</param>
/// <param name="Frequency"><see cref="System.Diagnostics.Stopwatch.Frequency"/>: ticks per second of every instant.</param>
/// <param name="Next">The highest <c>seq</c> returned, or the cursor given when none: pass it as the next <c>since</c>.</param>
/// <param name="Dropped">Records evicted from the ring buffer since the origin started.</param>
public sealed record OriginTimingsPage(
    string Schema,
    long Frequency,
    long Next,
    long Dropped,
    IReadOnlyList<OriginTiming> Records)
{
    public const string SchemaV1 = "corslab.origin-timings/1";

    /// <summary>Where the origin serves these pages.</summary>
    public const string Path = "/_corslab/timings";
}
