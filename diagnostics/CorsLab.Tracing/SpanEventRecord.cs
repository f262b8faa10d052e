namespace CorsLab.Tracing;

/// <summary>A span's event: its name and when it happened (Unix nanoseconds).</summary>
public sealed record SpanEventRecord(string Name, ulong TimeUnixNs);
