using CorsLab.Results;

namespace CorsLab.Tracing.Tests;

/// <summary>The stage breakdown from span sets whose times are known, as a Kestrel engine and pipelines produce them.</summary>
public sealed class StageBreakdownCalculatorTests
{
    private const ulong Ms = 1_000_000;
    private const ulong T0 = 1_700_000_000_000_000_000;

    [Fact]
    public void KestrelEngineTrace_StagesFromServerUpstreamAndPoolWait()
    {
        // ASP.NET Core's span starts 1 ms before ours; upstream 2 ms after it; a 3 ms pool wait holding a 2 ms connect
        // (counted once); head 7 ms after the upstream start; body copied 5 ms after.
        var spans = new List<SpanRecord>
        {
            Span("a", null, "GET", "server", 0, 20, "Microsoft.AspNetCore"),
            Span("s", "a", StageBreakdownCalculator.ServerSpan, "server", 1, 20, "CorsLab.Proxy", requestId: "r1"),
            Span("u", "s", StageBreakdownCalculator.UpstreamSpan, "client", 3, 16, "CorsLab.Proxy",
                events: [new(StageBreakdownCalculator.EventUpstreamHead, T0 + 10 * Ms), new(StageBreakdownCalculator.EventUpstreamEnd, T0 + 15 * Ms)]),
            Span("h", "u", "GET", "client", 3, 15, "System.Net.Http"),
            Span("w", "h", "HTTP wait_for_connection", "internal", 3, 6, "Experimental.System.Net.Http.Connections"),
            Span("c", "w", "socket connect", "internal", 4, 6, "Experimental.System.Net.Sockets"),
        };

        var stages = StageBreakdownCalculator.Stages(spans);

        Assert.NotNull(stages);
        Assert.Equal(3.0, stages.Value.InProxy, 6);
        Assert.Equal(3.0, stages.Value.Connect, 6);
        Assert.Equal(4.0, stages.Value.HeadWait!.Value, 6);
        Assert.Equal(5.0, stages.Value.BodyCopy!.Value, 6);
    }

    [Fact]
    public void PipelinesTrace_ConnectIsTheSumOfDnsConnectAndTls()
    {
        var spans = new List<SpanRecord>
        {
            Span("s", null, StageBreakdownCalculator.ServerSpan, "server", 0, 30, "CorsLab.Proxy", requestId: "r1"),
            Span("u", "s", StageBreakdownCalculator.UpstreamSpan, "client", 1, 29, "CorsLab.Proxy",
                events: [new(StageBreakdownCalculator.EventUpstreamHead, T0 + 21 * Ms), new(StageBreakdownCalculator.EventUpstreamEnd, T0 + 28 * Ms)]),
            Span("d", "u", "DNS lookup", "internal", 1, 3, "Experimental.System.Net.NameResolution"),
            Span("c", "u", "socket connect", "internal", 3, 5, "Experimental.System.Net.Sockets"),
            Span("t", "u", "TLS client handshake", "internal", 5, 11, "Experimental.System.Net.Security"),
        };

        var stages = StageBreakdownCalculator.Stages(spans)!.Value;

        Assert.Equal(1.0, stages.InProxy, 6);
        Assert.Equal(10.0, stages.Connect, 6);
        Assert.Equal(10.0, stages.HeadWait!.Value, 6);
        Assert.Equal(7.0, stages.BodyCopy!.Value, 6);
    }

    [Fact]
    public void Compute_GivesMediansOverRequests_AndSkipsRequestsWithoutAnUpstreamSpan()
    {
        List<RequestTrace> traces =
        [
            Request("r1", inProxy: 1, head: 2, end: 4),
            Request("r2", inProxy: 2, head: 5, end: 9),
            Request("r3", inProxy: 9, head: 7, end: 8),
            new("r4", [Span("x", null, StageBreakdownCalculator.ServerSpan, "server", 0, 1, "CorsLab.Proxy", requestId: "r4")]),
        ];

        var breakdown = StageBreakdownCalculator.Compute(traces);

        Assert.Equal(new StageBreakdown { TracedRequests = 3, InProxyMs = 2, ConnectMs = 0, HeadWaitMs = 5, BodyCopyMs = 8 }, breakdown);
    }

    [Fact]
    public void Compute_CountsResponsesWhoseFirstByteLeftInTheLastTenthOfTheBodyCopy_AmongCopiesOfAMillisecondOrMore()
    {
        // Body copied from 10 to 40 ms (r1 to r4): the last tenth starts at 37 ms. r5's 0.5 ms copy is too short to tell.
        List<RequestTrace> traces =
        [
            WithFirstByteOut("r1", bodyEnd: 40 * Ms, firstOut: 11 * Ms),
            WithFirstByteOut("r2", bodyEnd: 40 * Ms, firstOut: 36 * Ms),
            WithFirstByteOut("r3", bodyEnd: 40 * Ms, firstOut: 37 * Ms),
            WithFirstByteOut("r4", bodyEnd: 40 * Ms, firstOut: 39 * Ms),
            WithFirstByteOut("r5", bodyEnd: (10 * Ms) + (Ms / 2), firstOut: 11 * Ms),
        ];

        var breakdown = StageBreakdownCalculator.Compute(traces)!;

        Assert.Equal(4, breakdown.BufferingEligible);
        Assert.Equal(0.5, breakdown.FirstByteOutHeldBack!.Value, 9);
    }

    [Fact]
    public void Compute_NothingTraced_IsNull() => Assert.Null(StageBreakdownCalculator.Compute([]));

    private static RequestTrace Request(string id, ulong inProxy, ulong head, ulong end) => new(id,
    [
        Span(id + "s", null, StageBreakdownCalculator.ServerSpan, "server", 0, 100, "CorsLab.Proxy", requestId: id),
        Span(id + "u", id + "s", StageBreakdownCalculator.UpstreamSpan, "client", inProxy, 99, "CorsLab.Proxy",
            events: [new(StageBreakdownCalculator.EventUpstreamHead, T0 + (inProxy + head) * Ms), new(StageBreakdownCalculator.EventUpstreamEnd, T0 + (inProxy + head + end) * Ms)]),
    ]);

    private static RequestTrace WithFirstByteOut(string id, ulong bodyEnd, ulong firstOut) => new(id,
    [
        Span(id + "s", null, StageBreakdownCalculator.ServerSpan, "server", 0, 100, "CorsLab.Proxy", requestId: id,
            events: [new(StageBreakdownCalculator.EventFirstByteOut, T0 + firstOut)]),
        Span(id + "u", id + "s", StageBreakdownCalculator.UpstreamSpan, "client", 1, 99, "CorsLab.Proxy",
            events: [new(StageBreakdownCalculator.EventUpstreamHead, T0 + (10 * Ms)), new(StageBreakdownCalculator.EventUpstreamEnd, T0 + bodyEnd)]),
    ]);

    internal static SpanRecord Span(
        string id, string? parent, string name, string kind, ulong startMs, ulong endMs, string scope, string? requestId = null, SpanEventRecord[]? events = null) => new()
    {
        TraceId = "t",
        SpanId = id,
        ParentSpanId = parent,
        Name = name,
        Kind = kind,
        StartUnixNs = T0 + startMs * Ms,
        EndUnixNs = T0 + endMs * Ms,
        Scope = scope,
        Attributes = requestId is null ? new Dictionary<string, string>() : new Dictionary<string, string> { [RequestTrace.RequestIdAttribute] = requestId },
        Events = events ?? [],
    };
}
