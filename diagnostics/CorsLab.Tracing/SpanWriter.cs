using System.Globalization;
using System.Text.Json;
using CorsLab.Tracing.Otlp.Collector;
using CorsLab.Tracing.Otlp.Common;
using Google.Protobuf;
using Google.Protobuf.Collections;
using OtlpSpan = CorsLab.Tracing.Otlp.Trace.Span;

namespace CorsLab.Tracing;

/// <summary>
/// Appends every span of an OTLP export to <c>spans.jsonl</c>, one line each. Exports arrive concurrently (several
/// engines, both protocols), so one lock keeps each batch's lines together; each batch is flushed, so a reader
/// sees whole lines.
/// </summary>
internal sealed class SpanWriter(string path) : IDisposable
{
    private readonly StreamWriter _file = new(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite));
    private readonly Lock _gate = new();
    private long _written;

    public long Written => Interlocked.Read(ref _written);

    public void Write(ExportTraceServiceRequest export)
    {
        var lines = new List<string>();
        foreach (var resource in export.ResourceSpans)
        {
            var service = Text(resource.Resource?.Attributes, "service.name");
            foreach (var scope in resource.ScopeSpans)
            {
                foreach (var span in scope.Spans)
                {
                    lines.Add(JsonSerializer.Serialize(ToRecord(span, service, scope.Scope?.Name), SpanFile.Json));
                }
            }
        }

        lock (_gate)
        {
            foreach (var line in lines)
            {
                _file.WriteLine(line);
            }

            _file.Flush();
            _written += lines.Count;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _file.Dispose();
        }
    }

    internal static SpanRecord ToRecord(OtlpSpan span, string? service, string? scope) => new()
    {
        TraceId = Hex(span.TraceId),
        SpanId = Hex(span.SpanId),
        ParentSpanId = span.ParentSpanId.IsEmpty ? null : Hex(span.ParentSpanId),
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
        Attributes = span.Attributes.ToDictionary(a => a.Key, a => Text(a.Value)),
        Events = span.Events.Select(e => new SpanEventRecord(e.Name, e.TimeUnixNano)).ToArray(),
    };

    private static string Hex(ByteString bytes) => Convert.ToHexStringLower(bytes.Span);

    private static string? Text(RepeatedField<KeyValue>? attributes, string key) =>
        attributes?.FirstOrDefault(a => a.Key == key) is { } found ? Text(found.Value) : null;

    private static string Text(AnyValue? value) => value?.ValueCase switch
    {
        AnyValue.ValueOneofCase.StringValue => value.StringValue,
        AnyValue.ValueOneofCase.BoolValue => value.BoolValue ? "true" : "false",
        AnyValue.ValueOneofCase.IntValue => value.IntValue.ToString(CultureInfo.InvariantCulture),
        AnyValue.ValueOneofCase.DoubleValue => value.DoubleValue.ToString("R", CultureInfo.InvariantCulture),
        AnyValue.ValueOneofCase.ArrayValue => "[" + string.Join(",", value.ArrayValue.Values.Select(Text)) + "]",
        AnyValue.ValueOneofCase.BytesValue => Convert.ToBase64String(value.BytesValue.Span),
        AnyValue.ValueOneofCase.KvlistValue => "{" + string.Join(",", value.KvlistValue.Values.Select(kv => kv.Key + "=" + Text(kv.Value))) + "}",
        _ => "",
    };
}
