using CorsLab.Tracing.Otlp.Collector;
using OtlpSpan = CorsLab.Tracing.Otlp.Trace.Span;

namespace CorsLab.Tracing;

/// <summary>An OTLP trace export as <see cref="SpanRecord"/>s, the lines of <c>spans.jsonl</c>.</summary>
internal static class SpanRecords
{
    public static IEnumerable<SpanRecord> From(ExportTraceServiceRequest export) =>
        from resource in export.ResourceSpans
        let service = OtlpValues.Text(resource.Resource?.Attributes, OtlpValues.ServiceName)
        from scope in resource.ScopeSpans
        from span in scope.Spans
        select ToRecord(span, service, scope.Scope?.Name);

    private static SpanRecord ToRecord(OtlpSpan span, string? service, string? scope) => new()
    {
        TraceId = OtlpValues.Hex(span.TraceId),
        SpanId = OtlpValues.Hex(span.SpanId),
        ParentSpanId = span.ParentSpanId.IsEmpty ? null : OtlpValues.Hex(span.ParentSpanId),
        Name = span.Name,
        Kind = span.Kind switch
        {
            OtlpSpan.Types.SpanKind.Internal => "internal",
            OtlpSpan.Types.SpanKind.Server => "server",
            OtlpSpan.Types.SpanKind.Client => "client",
            OtlpSpan.Types.SpanKind.Producer => "producer",
            OtlpSpan.Types.SpanKind.Consumer => "consumer",
            _ => "unspecified",
        },
        StartUnixNs = span.StartTimeUnixNano,
        EndUnixNs = span.EndTimeUnixNano,
        Service = service,
        Scope = string.IsNullOrEmpty(scope) ? null : scope,
        Status = span.Status?.Code switch
        {
            Otlp.Trace.Status.Types.StatusCode.Ok => "ok",
            Otlp.Trace.Status.Types.StatusCode.Error => "error",
            _ => null,
        },
        Attributes = OtlpValues.Texts(span.Attributes),
        Events = span.Events.Select(e => new SpanEventRecord(e.Name, e.TimeUnixNano)).ToArray(),
    };
}
