namespace CorsLab.Tracing;

/// <summary>
/// Every span of the trace one request started, found by the <c>corslab.request_id</c> attribute (the lab's
/// correlation header) on any of its spans: the engine's server and upstream spans, the instrumentation's and the
/// runtime's networking spans under them.
/// </summary>
public sealed record RequestTrace(string RequestId, IReadOnlyList<SpanRecord> Spans)
{
    public const string RequestIdAttribute = "corslab.request_id";

    /// <summary>One entry per request id seen, in the order first seen; spans of traces with no request id are left out.</summary>
    public static IReadOnlyList<RequestTrace> Join(IEnumerable<SpanRecord> spans)
    {
        var byTrace = new Dictionary<string, List<SpanRecord>>();
        var requestTraces = new List<(string RequestId, string TraceId)>();
        var seen = new HashSet<string>();
        foreach (var span in spans)
        {
            if (!byTrace.TryGetValue(span.TraceId, out var list))
            {
                byTrace[span.TraceId] = list = [];
            }

            list.Add(span);
            if (span.Attribute(RequestIdAttribute) is { Length: > 0 } id && seen.Add(id))
            {
                requestTraces.Add((id, span.TraceId));
            }
        }

        return requestTraces.Select(r => new RequestTrace(r.RequestId, byTrace[r.TraceId])).ToArray();
    }
}
