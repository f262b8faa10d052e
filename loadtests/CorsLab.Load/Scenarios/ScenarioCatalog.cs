using CorsLab.Load.Engine;
using CorsLab.Results;

namespace CorsLab.Load.Scenarios;

/// <summary>
/// The standard scenarios (README.md beside this file has the table). Rates and thresholds are set for a
/// 2-core machine running the origin, one engine and the load client together: generous enough that a clean
/// engine passes, tight enough that a fault named in DESIGN.md fails at least one.
/// </summary>
public static class ScenarioCatalog
{
    private const long TenMegabytes = 10L * 1024 * 1024;

    private static readonly Threshold FewErrors = Threshold.AtMost(ThresholdMetrics.ErrorRate, 0.01);

    /// <summary>One request, waited for 65 s: the bound a proxy's upstream timeout must answer within.</summary>
    private static readonly LoadModel SilentUpstreamModel = new()
    {
        Kind = LoadModelKind.Concurrency, Concurrency = 1, Warmup = TimeSpan.Zero, Duration = TimeSpan.FromSeconds(1), MaxRequests = 1,
        RequestTimeout = TimeSpan.FromSeconds(65),
    };

    public static IReadOnlyList<Scenario> All { get; } =
    [
        new()
        {
            Name = ScenarioNames.SmallGet,
            Description = "1 KB GET at a constant rate: the per-request overhead of the proxy.",
            Path = "/bytes/1024",
            Model = new LoadModel { Kind = LoadModelKind.ConstantRate, Rate = 1000, Connections = 16, Duration = TimeSpan.FromSeconds(10), Warmup = TimeSpan.FromSeconds(2) },
            Quick = new LoadModel { Kind = LoadModelKind.ConstantRate, Rate = 500, Connections = 16, Duration = TimeSpan.FromSeconds(1), Warmup = TimeSpan.FromSeconds(0.3) },
            Thresholds = [FewErrors, Threshold.AtMost(ThresholdMetrics.P99Ms, 50)],
        },
        new()
        {
            Name = ScenarioNames.Reuse,
            Description = "1 KB GETs one at a time on one keep-alive client connection: upstream connections per request, and latency steps (Nagle) undisturbed by queueing.",
            Path = "/bytes/1024",
            // Warm-up until steady (at most 5 s: a cold yarp answers its first hundred requests slowly), then up to
            // 10,000 samples, so the p99 rests on the 100 slowest requests rather than 20.
            Model = new LoadModel { Kind = LoadModelKind.Concurrency, Concurrency = 1, Warmup = TimeSpan.FromSeconds(5), Duration = TimeSpan.FromSeconds(5), MaxRequests = 10_000 },

            // One in flight, so the count is exact; 25+ requests even when each pays a 40 ms Nagle stall.
            Quick = new LoadModel { Kind = LoadModelKind.Concurrency, Concurrency = 1, Warmup = TimeSpan.FromSeconds(0.2), Duration = TimeSpan.FromSeconds(1.2), MaxRequests = 300 },
            Thresholds = [FewErrors],
        },
        new()
        {
            Name = ScenarioNames.MediumGet,
            Description = "64 KB GET at a constant rate: copying cost and buffer sizes.",
            Path = "/bytes/65536",
            Model = new LoadModel { Kind = LoadModelKind.ConstantRate, Rate = 300, Connections = 16, Duration = TimeSpan.FromSeconds(10), Warmup = TimeSpan.FromSeconds(2) },
            Quick = new LoadModel { Kind = LoadModelKind.ConstantRate, Rate = 200, Connections = 16, Duration = TimeSpan.FromSeconds(1), Warmup = TimeSpan.FromSeconds(0.3) },
            Thresholds = [FewErrors, Threshold.AtMost(ThresholdMetrics.P99Ms, 100)],
        },
        new()
        {
            Name = ScenarioNames.LargeDownload,
            Description = "10 MB GET, 4 in flight: throughput, and memory (a buffering engine's working set grows by the body).",
            Path = "/bytes/" + TenMegabytes,
            Model = new LoadModel { Kind = LoadModelKind.Concurrency, Concurrency = 4, Duration = TimeSpan.FromSeconds(10), Warmup = TimeSpan.FromSeconds(1) },
            Quick = new LoadModel { Kind = LoadModelKind.Concurrency, Concurrency = 2, Duration = TimeSpan.FromSeconds(1), Warmup = TimeSpan.FromSeconds(0.3) },
            Thresholds = [FewErrors, Threshold.AtMost(ThresholdMetrics.P99Ms, 3000)],
        },
        new()
        {
            Name = ScenarioNames.Upload,
            Description = "10 MB POST to /sink (reads the whole body, answers a line), 4 in flight: request streaming. /sink, not /echo: HttpClient-based engines cannot stream a request and its response at once.",
            Path = "/sink",
            Method = "POST",
            BodyLength = TenMegabytes,
            Headers = [new("Content-Type", "application/octet-stream")],
            Model = new LoadModel { Kind = LoadModelKind.Concurrency, Concurrency = 4, Duration = TimeSpan.FromSeconds(10), Warmup = TimeSpan.FromSeconds(1) },
            Quick = new LoadModel { Kind = LoadModelKind.Concurrency, Concurrency = 2, Duration = TimeSpan.FromSeconds(1), Warmup = TimeSpan.FromSeconds(0.3) },
            Thresholds = [FewErrors, Threshold.AtMost(ThresholdMetrics.P99Ms, 3000)],
        },
        new()
        {
            Name = ScenarioNames.Drip,
            Description = "5 chunks of 100 bytes 20 ms apart: a streaming proxy's first byte comes at once, a buffering one's after ~80 ms.",
            Path = "/drip?chunks=5&size=100&interval_ms=20",
            Model = new LoadModel { Kind = LoadModelKind.Concurrency, Concurrency = 8, Duration = TimeSpan.FromSeconds(10), Warmup = TimeSpan.FromSeconds(1) },
            Quick = new LoadModel { Kind = LoadModelKind.Concurrency, Concurrency = 8, Duration = TimeSpan.FromSeconds(1), Warmup = TimeSpan.FromSeconds(0.3) },
            Thresholds = [FewErrors, Threshold.AtMost(ThresholdMetrics.FirstByteP50Ms, 40)],
        },
        new()
        {
            Name = ScenarioNames.SlowUpstream,
            Description = "/delay/200 with 128 in flight: a proxy must hold many slow requests without starving (640 requests/s at best).",
            Path = "/delay/200",
            Model = new LoadModel { Kind = LoadModelKind.Concurrency, Concurrency = 128, Duration = TimeSpan.FromSeconds(10), Warmup = TimeSpan.FromSeconds(1) },
            Quick = new LoadModel { Kind = LoadModelKind.Concurrency, Concurrency = 64, Duration = TimeSpan.FromSeconds(1), Warmup = TimeSpan.FromSeconds(0.3) },
            Thresholds = [FewErrors, Threshold.AtMost(ThresholdMetrics.P99Ms, 400)],
        },
        new()
        {
            Name = ScenarioNames.Preflight,
            Description = "CORS preflight (OPTIONS with Origin and Access-Control-Request-Method) at a constant rate: answered by the proxy alone.",
            Path = "/bytes/1024",
            Method = "OPTIONS",
            Kind = ScenarioKind.Preflight,
            Headers = [new("Origin", "https://app.example"), new("Access-Control-Request-Method", "GET")],
            Model = new LoadModel { Kind = LoadModelKind.ConstantRate, Rate = 1000, Connections = 16, Duration = TimeSpan.FromSeconds(10), Warmup = TimeSpan.FromSeconds(1) },
            Quick = new LoadModel { Kind = LoadModelKind.ConstantRate, Rate = 500, Connections = 16, Duration = TimeSpan.FromSeconds(1), Warmup = TimeSpan.FromSeconds(0.3) },
            Thresholds = [FewErrors, Threshold.AtMost(ThresholdMetrics.P99Ms, 50)],
        },
        new()
        {
            Name = ScenarioNames.Sse,
            Description = "Server-sent events, 5 events 20 ms apart, 8 streams: each event must pass through unbuffered.",
            Path = "/sse?events=5&interval_ms=20",
            Headers = [new("Accept", "text/event-stream")],
            Model = new LoadModel { Kind = LoadModelKind.Concurrency, Concurrency = 8, Duration = TimeSpan.FromSeconds(10), Warmup = TimeSpan.FromSeconds(1) },
            Quick = new LoadModel { Kind = LoadModelKind.Concurrency, Concurrency = 8, Duration = TimeSpan.FromSeconds(1), Warmup = TimeSpan.FromSeconds(0.3) },
            Thresholds = [FewErrors, Threshold.AtMost(ThresholdMetrics.FirstByteP50Ms, 40)],
        },
        new()
        {
            Name = ScenarioNames.ConnectionClose,
            Description = "1 KB GET with Connection: close, 8 in flight: a new client connection per request (accept and setup cost).",
            Path = "/bytes/1024",
            ConnectionClose = true,
            Model = new LoadModel { Kind = LoadModelKind.Concurrency, Concurrency = 8, Duration = TimeSpan.FromSeconds(10), Warmup = TimeSpan.FromSeconds(1) },
            Quick = new LoadModel { Kind = LoadModelKind.Concurrency, Concurrency = 8, Duration = TimeSpan.FromSeconds(1), Warmup = TimeSpan.FromSeconds(0.3) },
            Thresholds = [FewErrors],
        },
        new()
        {
            Name = ScenarioNames.HttpsUpstream,
            Description = "1 KB GET from the origin's https listener at a constant rate: the proxy's upstream TLS (handshakes show as churn).",
            Path = "/bytes/1024",
            Https = true,
            Model = new LoadModel { Kind = LoadModelKind.ConstantRate, Rate = 500, Connections = 16, Duration = TimeSpan.FromSeconds(10), Warmup = TimeSpan.FromSeconds(2) },
            Quick = new LoadModel { Kind = LoadModelKind.ConstantRate, Rate = 300, Connections = 16, Duration = TimeSpan.FromSeconds(1), Warmup = TimeSpan.FromSeconds(0.3) },
            Thresholds = [FewErrors, Threshold.AtMost(ThresholdMetrics.P99Ms, 50)],
        },
        new()
        {
            Name = ScenarioNames.Errors,
            Description = "Refused and reset upstreams in turn, 16 in flight: the refused one must give 502 (a reset one ends as a client reset once the head was streamed), and the proxy must stay healthy.",
            Path = "/reset-after/512",
            Kind = ScenarioKind.Errors,
            CheckHealthAfter = true,
            Model = new LoadModel { Kind = LoadModelKind.Concurrency, Concurrency = 16, Duration = TimeSpan.FromSeconds(5), Warmup = TimeSpan.FromSeconds(0.5) },
            Quick = new LoadModel { Kind = LoadModelKind.Concurrency, Concurrency = 16, Duration = TimeSpan.FromSeconds(1), Warmup = TimeSpan.FromSeconds(0.3) },
            Thresholds = [Threshold.AtLeast(ThresholdMetrics.HealthyAfter, 1)],
        },

        new()
        {
            Name = ScenarioNames.NamedGet,
            Description = "64 KB GETs, 16 in flight, the origin named localhost: what the proxy's process does per request (name lookups, connections, allocation, locks, blocked threads), read from an EventPipe capture.",
            Path = "/bytes/65536",
            UpstreamByName = true,
            Model = new LoadModel { Kind = LoadModelKind.Concurrency, Concurrency = 16, Warmup = TimeSpan.FromSeconds(1), Duration = TimeSpan.FromSeconds(5) },

            // Bounded by count too: ~1,000 requests give every per-request rate two decimals, on a slow engine as on a fast one.
            Quick = new LoadModel { Kind = LoadModelKind.Concurrency, Concurrency = 16, Warmup = TimeSpan.FromSeconds(0.3), Duration = TimeSpan.FromSeconds(1.5), MaxRequests = 1_000 },
            Thresholds = [FewErrors],
        },
        // The probes: one request at a time where a 40 ms stall must show as itself, never as queueing.
        new()
        {
            Name = ScenarioNames.SplitWrite,
            Description = "Probe. 1 KB GETs one at a time, the origin's head and body 2 ms apart in separate writes: a proxy that writes the head on arrival with Nagle on its client socket stalls ~40 ms.",
            Path = "/bytes/1024?split_ms=2",
            Probe = true,
            Model = new LoadModel { Kind = LoadModelKind.Concurrency, Concurrency = 1, Warmup = TimeSpan.FromSeconds(0.3), Duration = TimeSpan.FromSeconds(3), MaxRequests = 400 },
            Quick = new LoadModel { Kind = LoadModelKind.Concurrency, Concurrency = 1, Warmup = TimeSpan.FromSeconds(0.2), Duration = TimeSpan.FromSeconds(1.5), MaxRequests = 150 },
            Thresholds = [FewErrors],
        },
        new()
        {
            Name = ScenarioNames.FineDrip,
            Description = "Probe. 5 pieces of 100 bytes 5 ms apart, one response at a time: pieces below the delayed-ACK timer wait on ACKs behind Nagle.",
            Path = "/drip?chunks=5&size=100&interval_ms=5",
            Probe = true,
            Model = new LoadModel { Kind = LoadModelKind.Concurrency, Concurrency = 1, Warmup = TimeSpan.FromSeconds(0.3), Duration = TimeSpan.FromSeconds(3), MaxRequests = 200 },
            Quick = new LoadModel { Kind = LoadModelKind.Concurrency, Concurrency = 1, Warmup = TimeSpan.FromSeconds(0.2), Duration = TimeSpan.FromSeconds(1.5), MaxRequests = 100 },
            Thresholds = [FewErrors],
        },
        new()
        {
            Name = ScenarioNames.UpstreamNagle,
            Description = "Probe. As split-write with Nagle on at the origin: a stall here is the upstream's, seen direct as through the proxy.",
            Path = "/bytes/1024?split_ms=2&nagle=1",
            Probe = true,
            Model = new LoadModel { Kind = LoadModelKind.Concurrency, Concurrency = 1, Warmup = TimeSpan.FromSeconds(0.3), Duration = TimeSpan.FromSeconds(3), MaxRequests = 400 },
            Quick = new LoadModel { Kind = LoadModelKind.Concurrency, Concurrency = 1, Warmup = TimeSpan.FromSeconds(0.2), Duration = TimeSpan.FromSeconds(1.5), MaxRequests = 150 },
            Thresholds = [FewErrors],
        },
        new()
        {
            Name = ScenarioNames.UpstreamClose,
            Description = "Probe. 1 KB GETs, keep-alive client, 2 in flight; the origin answers Connection: close, which is about its own connection only.",
            Path = "/bytes/1024?close=1",
            Probe = true,
            Model = new LoadModel { Kind = LoadModelKind.Concurrency, Concurrency = 2, Warmup = TimeSpan.FromSeconds(0.3), Duration = TimeSpan.FromSeconds(3), MaxRequests = 400 },
            Quick = new LoadModel { Kind = LoadModelKind.Concurrency, Concurrency = 2, Warmup = TimeSpan.FromSeconds(0.2), Duration = TimeSpan.FromSeconds(1), MaxRequests = 150 },
            Thresholds = [FewErrors],
        },
        new()
        {
            Name = ScenarioNames.ExpectContinue,
            Description = "Probe. 64 KB POSTs to /sink with Expect: 100-continue, one at a time; the client sends the body on 100 Continue or after 1 s.",
            Path = "/sink",
            Method = "POST",
            BodyLength = 64 * 1024,
            ExpectContinue = true,
            Headers = [new("Content-Type", "application/octet-stream")],
            Probe = true,

            // Bounded by count: a proxy that holds the continue costs 1 s a request.
            Model = new LoadModel { Kind = LoadModelKind.Concurrency, Concurrency = 1, Warmup = TimeSpan.FromSeconds(0.2), Duration = TimeSpan.FromSeconds(12), MaxRequests = 30 },
            Quick = new LoadModel { Kind = LoadModelKind.Concurrency, Concurrency = 1, Warmup = TimeSpan.FromSeconds(0), Duration = TimeSpan.FromSeconds(5), MaxRequests = 8 },
            Thresholds = [FewErrors],
        },
        new()
        {
            Name = ScenarioNames.PoolProbe,
            Description = "Probe. /delay/50 with 16 in flight: 16 upstream exchanges at once; a cap of N upstream connections queues the rest (latency ≈ 16/N × 50 ms).",
            Path = "/delay/50",
            Probe = true,
            Model = new LoadModel { Kind = LoadModelKind.Concurrency, Concurrency = 16, Warmup = TimeSpan.FromSeconds(0.5), Duration = TimeSpan.FromSeconds(3) },
            Quick = new LoadModel { Kind = LoadModelKind.Concurrency, Concurrency = 16, Warmup = TimeSpan.FromSeconds(0.3), Duration = TimeSpan.FromSeconds(1.5) },
            Thresholds = [FewErrors],
        },
        new()
        {
            Name = ScenarioNames.StaleProbe,
            Description = "Probe. 1 KB GETs, 3 a second on one connection; the origin closes a connection idle for 150 ms, so each request finds the proxy's pooled upstream connection closed.",
            Path = "/bytes/1024?idle_close_ms=150",
            Probe = true,

            // No warm-up: the first request is the only one that finds no pooled connection at all.
            Model = new LoadModel { Kind = LoadModelKind.ConstantRate, Rate = 3, Connections = 1, Warmup = TimeSpan.Zero, Duration = TimeSpan.FromSeconds(5), MaxRequests = 15 },
            Quick = new LoadModel { Kind = LoadModelKind.ConstantRate, Rate = 3, Connections = 1, Warmup = TimeSpan.Zero, Duration = TimeSpan.FromSeconds(3), MaxRequests = 9 },
            Thresholds = [FewErrors],
        },
        new()
        {
            Name = ScenarioNames.Http10Drip,
            Description = "Probe. The drip (5 × 100 bytes, 20 ms apart) answered as HTTP/1.0: no length, no chunks, the body ended by the origin's close; a proxy must stream it and frame it anew for its client.",
            Path = "/drip?chunks=5&size=100&interval_ms=20&http10=1",
            Probe = true,
            Model = new LoadModel { Kind = LoadModelKind.Concurrency, Concurrency = 8, Duration = TimeSpan.FromSeconds(3), Warmup = TimeSpan.FromSeconds(0.5) },
            Quick = new LoadModel { Kind = LoadModelKind.Concurrency, Concurrency = 8, Duration = TimeSpan.FromSeconds(1), Warmup = TimeSpan.FromSeconds(0.2) },
            Thresholds = [FewErrors],
        },
        new()
        {
            Name = ScenarioNames.SilentUpstream,
            Description = "Probe (slow). One GET to an origin endpoint that answers after 70 s; the client waits 65 s, past nginx's 60 s default upstream read timeout, for the proxy's own answer (504).",
            Path = "/delay/70000",
            Probe = true,
            MeasureDirect = false,
            Model = SilentUpstreamModel,
            Quick = SilentUpstreamModel,
        },
    ];

    /// <summary>What <c>bench</c> and <c>investigate</c> run when no scenario is named: every scenario but the probes.</summary>
    public static IReadOnlyList<Scenario> Standard { get; } = [.. All.Where(s => !s.Probe)];

    public static IEnumerable<string> Names => All.Select(s => s.Name);

    public static bool TryGet(string name, out Scenario scenario)
    {
        scenario = All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase))!;
        return scenario is not null;
    }
}
