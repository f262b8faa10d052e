namespace CorsLab.Tracing;

/// <summary>
/// One span as a line of <c>spans.jsonl</c>. Ids are lower-case hex; times are Unix nanoseconds; attribute values are
/// written as text (numbers in the invariant culture), which is all the joins and the stage breakdown read.
/// </summary>
public sealed record SpanRecord
{
    public required string TraceId { get; init; }

    public required string SpanId { get; init; }

    /// <summary>Null for a root span.</summary>
    public string? ParentSpanId { get; init; }

    public required string Name { get; init; }

    /// <summary><c>internal</c>, <c>server</c>, <c>client</c>, <c>producer</c>, <c>consumer</c> or <c>unspecified</c>.</summary>
    public required string Kind { get; init; }

    public ulong StartUnixNs { get; init; }

    public ulong EndUnixNs { get; init; }

    public ulong DurationNs => EndUnixNs >= StartUnixNs ? EndUnixNs - StartUnixNs : 0;

    /// <summary>The resource's <c>service.name</c>.</summary>
    public string? Service { get; init; }

    /// <summary>The instrumentation scope (for ours, the <c>ActivitySource</c> name).</summary>
    public string? Scope { get; init; }

    /// <summary><c>ok</c> or <c>error</c>; null when unset.</summary>
    public string? Status { get; init; }

    public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<SpanEventRecord> Events { get; init; } = [];

    public string? Attribute(string key) => Attributes.TryGetValue(key, out var value) ? value : null;

    /// <summary>The time of the first event named <paramref name="name"/>, or null.</summary>
    public ulong? EventTime(string name)
    {
        foreach (var e in Events)
        {
            if (e.Name == name)
            {
                return e.TimeUnixNs;
            }
        }

        return null;
    }
}
