using CorsLab.Results;

namespace CorsLab.Tracing;

/// <summary>
/// Where each traced request's time went, from its spans, summarised as medians (<see cref="StageBreakdown"/>):
/// <code>
/// server span start ─ in proxy ─► upstream span start ─ connect ─► ─ head wait ─► upstream.head ─ body copy ─► upstream.end
/// </code>
/// The server start is the earliest server span of the trace (ASP.NET Core's, on the Kestrel engines, begins before
/// ours). Connect is the summed duration of the outermost runtime networking spans (pool wait, DNS, connect, TLS),
/// so a span nested in another counts once. A request without both our server span and upstream span is left out.
/// Buffering from inside: of the requests whose body copy took ≥ 1 ms, the share whose <c>first-byte-out</c> came
/// only in the copy's last tenth. (<c>upstream.end</c> marks the end of the copy to the client, so a buffering engine's
/// first byte comes just before it, not after: measured 97.9 % of the way through on yarp, 98.8 % on pipelines, with
/// <c>buffer-response</c> on drip; 2 % without.)
/// </summary>
public static class StageBreakdownCalculator
{
    public const string ServerSpan = "corslab.proxy.request";
    public const string UpstreamSpan = "corslab.proxy.upstream";
    public const string EventUpstreamHead = "upstream.head";
    public const string EventUpstreamEnd = "upstream.end";
    public const string EventFirstByteOut = "first-byte-out";

    /// <summary>A body copied faster than this came in one read: when its first byte left says nothing about buffering.</summary>
    public const double MinBodyMsForBuffering = 1;

    /// <summary>How far through the body copy the first byte out must come to count as held back.</summary>
    public const double HeldBackFraction = 0.9;

    /// <summary>The runtime's networking sources (their spans' instrumentation scope).</summary>
    public static readonly IReadOnlySet<string> NetworkingScopes = new HashSet<string>
    {
        "Experimental.System.Net.NameResolution",
        "Experimental.System.Net.Sockets",
        "Experimental.System.Net.Security",
        "Experimental.System.Net.Http.Connections",
    };

    private const double NsPerMs = 1_000_000;

    /// <summary>Null when no request had both spans.</summary>
    public static StageBreakdown? Compute(IEnumerable<RequestTrace> requests)
    {
        List<double> inProxy = [], connect = [], headWait = [], bodyCopy = [];
        int eligible = 0, held = 0;
        foreach (var request in requests)
        {
            if (Stages(request.Spans) is not { } stages)
            {
                continue;
            }

            if (HeldBack(request.Spans) is { } wasHeld)
            {
                eligible++;
                held += wasHeld ? 1 : 0;
            }

            inProxy.Add(stages.InProxy);
            connect.Add(stages.Connect);
            if (stages.HeadWait is { } wait)
            {
                headWait.Add(wait);
            }

            if (stages.BodyCopy is { } copy)
            {
                bodyCopy.Add(copy);
            }
        }

        return inProxy.Count == 0 ? null : new StageBreakdown
        {
            TracedRequests = inProxy.Count,
            InProxyMs = Median(inProxy),
            ConnectMs = Median(connect),
            HeadWaitMs = Median(headWait),
            BodyCopyMs = Median(bodyCopy),
            BufferingEligible = eligible,
            FirstByteOutHeldBack = eligible > 0 ? (double)held / eligible : null,
        };
    }

    /// <summary>Whether the first byte out came in the body copy's last tenth; null when the copy was too short to tell or an event is missing.</summary>
    internal static bool? HeldBack(IReadOnlyList<SpanRecord> spans)
    {
        var upstream = spans.FirstOrDefault(s => s.Name == UpstreamSpan);
        var firstOut = spans.FirstOrDefault(s => s.Name == ServerSpan)?.EventTime(EventFirstByteOut);
        if (upstream?.EventTime(EventUpstreamHead) is not { } head || upstream.EventTime(EventUpstreamEnd) is not { } end || firstOut is not { } sent
            || Ms(end, head) < MinBodyMsForBuffering)
        {
            return null;
        }

        return sent >= head + ((end - head) * HeldBackFraction);
    }

    /// <summary>One request's stages in milliseconds; null without our server and upstream spans.</summary>
    internal static (double InProxy, double Connect, double? HeadWait, double? BodyCopy)? Stages(IReadOnlyList<SpanRecord> spans)
    {
        var upstream = spans.FirstOrDefault(s => s.Name == UpstreamSpan);
        if (upstream is null || !spans.Any(s => s.Name == ServerSpan))
        {
            return null;
        }

        var serverStart = spans.Where(s => s.Kind == "server").Min(s => s.StartUnixNs);
        var byId = spans.ToDictionary(s => s.SpanId);
        var connectNs = spans
            .Where(s => IsNetworking(s) && !(s.ParentSpanId is { } parent && byId.TryGetValue(parent, out var p) && IsNetworking(p)))
            .Aggregate(0UL, (sum, s) => sum + s.DurationNs);
        var head = upstream.EventTime(EventUpstreamHead);
        var end = upstream.EventTime(EventUpstreamEnd);
        double? headWait = head is { } h ? Math.Max(0, Ms(h, upstream.StartUnixNs) - connectNs / NsPerMs) : null;
        double? bodyCopy = head is { } from && end is { } to ? Ms(to, from) : null;
        return (Ms(upstream.StartUnixNs, serverStart), connectNs / NsPerMs, headWait, bodyCopy);
    }

    private static bool IsNetworking(SpanRecord span) => span.Scope is { } scope && NetworkingScopes.Contains(scope);

    private static double Ms(ulong later, ulong earlier) => later >= earlier ? (later - earlier) / NsPerMs : 0;

    private static double? Median(List<double> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        values.Sort();
        var middle = values.Count / 2;
        return values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
