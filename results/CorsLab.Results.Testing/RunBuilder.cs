
namespace CorsLab.Results.Testing;

/// <summary>Synthetic runs with real HdrHistograms: every latency is recorded, encoded and decoded as a real run's would be.</summary>
public sealed class RunBuilder
{
    private readonly List<TargetInfo> _targets = [];
    private readonly List<ScenarioMeasurement> _measurements = [];
    private readonly List<FindingRecord> _findings = [];
    private readonly List<SpecTally> _spec = [];
    private readonly List<ScenarioMeasurement> _ceilings = [];
    private CalibrationRecord? _calibration;

    public static readonly LoadModelSettings Closed = new("max", 32, null, null, null, 1, 5, null);

    public static readonly LoadModelSettings Open = new("constant-rate", 32, 500, null, null, 1, 5, null);

    public bool Complete { get; set; } = true;

    public string Configuration { get; set; } = "Release";

    public RunBuilder Target(string name, string kind = TargetKinds.Engine, params string[] faults)
    {
        _targets.Add(new TargetInfo(name, kind, kind == TargetKinds.Direct ? "{url}" : $"http://127.0.0.1:8080/?url={{url}}", faults));
        return this;
    }

    /// <summary>One repeat: <paramref name="requests"/> latencies around <paramref name="p50Micros"/> with a tail to ~4×.</summary>
    public RunBuilder Measure(
        string target,
        string scenario,
        int repeat,
        double requestsPerSecond,
        double p50Micros,
        LoadModelSettings? model = null,
        ThreePointSummary? threePoint = null,
        IReadOnlyDictionary<string, long>? errors = null,
        bool complete = true,
        int requests = 2_000)
    {
        var histogram = HistogramRecords.CreateMicroseconds();
        var firstByte = HistogramRecords.CreateMicroseconds();
        var random = new Random((target.Length * 1000) + (scenario.Length * 10) + repeat);
        for (var index = 0; index < requests; index++)
        {
            // 90% near the median, 10% in a tail up to 4× it: a percentile curve with a visible knee.
            var spread = index % 10 == 0 ? 1 + (3 * random.NextDouble()) : 0.8 + (0.4 * random.NextDouble());
            var value = (long)Math.Max(1, p50Micros * spread);
            histogram.RecordValue(value);
            firstByte.RecordValue(Math.Max(1, value * 3 / 4));
        }

        var seconds = (int)(Closed.DurationSeconds);
        _measurements.Add(new ScenarioMeasurement
        {
            Target = target,
            Scenario = scenario,
            Repeat = repeat,
            Model = model ?? Closed,
            StartedUtc = new DateTimeOffset(2026, 11, 26, 13, 0, repeat, TimeSpan.Zero),
            ElapsedSeconds = seconds,
            Complete = complete,
            Requests = requests,
            Errors = errors ?? new Dictionary<string, long>(),
            StatusCounts = new Dictionary<string, long> { ["200"] = requests - (errors?.Values.Sum() ?? 0) },
            RequestsPerSecond = requestsPerSecond,
            Latency = HistogramRecords.From(histogram),
            FirstByte = HistogramRecords.From(firstByte),
            Series = Enumerable.Range(0, seconds)
                .Select(second => new SeriesPoint(second, (long)(requestsPerSecond * (0.95 + (0.1 * random.NextDouble()))), 0, p50Micros, p50Micros * 2.5))
                .ToList(),
            ThreePoint = threePoint,
            Resources = new ResourceSummary(1.5 + repeat, 80L << 20, 40L << 20),
        });
        return this;
    }

    /// <summary>The load client's ceiling on <paramref name="scenario"/>: a measurement of target <c>load-client-ceiling</c>.</summary>
    public RunBuilder Ceiling(string scenario, double requestsPerSecond, double p50Micros, LoadModelSettings? model = null)
    {
        Measure("load-client-ceiling", scenario, 0, requestsPerSecond, p50Micros, model);
        _ceilings.Add(_measurements[^1]);
        _measurements.RemoveAt(_measurements.Count - 1);
        return this;
    }

    public RunBuilder Finding(string target, string id, string severity, string summary, string remedy, string scenario = ScenarioNames.Drip)
    {
        _findings.Add(new FindingRecord(target, id, severity, summary, new Dictionary<string, string> { ["scenario"] = scenario, ["ratio"] = "0.97" }, remedy));
        return this;
    }

    public RunBuilder Spec(string target, int passed, params string[] failed)
    {
        _spec.Add(new SpecTally(target, passed, failed.Length, 0, failed));
        return this;
    }

    /// <summary>
    /// A <c>bench --calibrate</c> run of one point: two repeats of direct, the engine and its calibration twin
    /// (<c>pipelines+{added}us</c>), 2,000 samples each, the twin at <paramref name="targetP50"/>.
    /// </summary>
    public static RunBuilder Calibrated(double addedMicros, double referenceP50, double targetP50)
    {
        var twin = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"pipelines+{addedMicros:0}us");
        var builder = new RunBuilder()
            .Target(TargetKinds.Direct, TargetKinds.Direct)
            .Target("pipelines")
            .Target(twin, TargetKinds.Engine, addedMicros > 0 ? [string.Create(System.Globalization.CultureInfo.InvariantCulture, $"added-latency={addedMicros:0}us")] : []);
        for (var repeat = 0; repeat < 2; repeat++)
        {
            builder
                .Measure(TargetKinds.Direct, ScenarioNames.SmallGet, repeat, 1000, referenceP50 - 100, Open)
                .Measure("pipelines", ScenarioNames.SmallGet, repeat, 1000, referenceP50, Open)
                .Measure(twin, ScenarioNames.SmallGet, repeat, 1000, targetP50, Open);
        }

        builder._calibration = new CalibrationRecord
        {
            Scenario = ScenarioNames.SmallGet,
            Points = [new CalibrationPoint("pipelines", twin, "pipelines", addedMicros)],
        };
        return builder;
    }

    public RunDocument Build() => new()
    {
        Name = "synthetic",
        Command = "corslab investigate --repeats 3",
        StartedUtc = new DateTimeOffset(2026, 11, 26, 13, 0, 0, TimeSpan.Zero),
        FinishedUtc = Complete ? new DateTimeOffset(2026, 11, 26, 13, 5, 0, TimeSpan.Zero) : null,
        Complete = Complete,
        Environment = new RunEnvironment("vm", "Test CPU @ 2.50GHz", 2, "Debian GNU/Linux 12", ".NET 10.0.0", "0123456789abcdef", Configuration),
        Targets = _targets,
        Spec = _spec,
        Measurements = _measurements,
        Findings = _findings,
        Calibration = _calibration,
        Ceilings = _ceilings,
    };

    /// <summary>A three-point summary; <paramref name="firstByteAfterOriginLast"/> near 1 reads as response buffering.</summary>
    public static ThreePointSummary ThreePoint(double firstByteAfterOriginLast, double gapP50Micros, double originConnectionsPerRequest = 0.01, long eligible = 500, RequestWaterfalls? waterfalls = null) =>
        new(2_000, 0,
            new PercentileSummary(80, 120, 300, 900),
            new PercentileSummary(5_000, 6_000, 8_000, 12_000),
            new PercentileSummary(gapP50Micros, gapP50Micros * 1.5, gapP50Micros * 3, gapP50Micros * 6),
            new PercentileSummary(60, 90, 250, 800),
            null,
            firstByteAfterOriginLast,
            0,
            (long)(2_000 * originConnectionsPerRequest),
            32,
            originConnectionsPerRequest)
        {
            BufferingEligible = eligible,
            Waterfalls = waterfalls,
        };

    /// <summary>
    /// A drip's median and p99 request (the p99 one and a half times as long): the origin waits 300 µs, then sends
    /// its body for 8.7 ms. Streaming, the client's first byte follows the origin's by 50 µs; <paramref name="buffered"/>,
    /// it follows the origin's last.
    /// </summary>
    public static RequestWaterfalls Waterfalls(bool buffered = false, long requests = 2_000)
    {
        static RequestWaterfall Request(bool buffered, double scale)
        {
            var (headIn, originFirst, originLast) = (80 * scale, 300 * scale, 9_000 * scale);
            return new RequestWaterfall(headIn, originFirst, originLast, buffered ? originLast + 60 : originFirst + 50, originLast + 100);
        }

        return new RequestWaterfalls(requests, Request(buffered, 1), Request(buffered, 1.5));
    }

    /// <summary>
    /// The usual lab: direct, three engines, three repeats. Under closed load pipelines is fastest, then yarp, then
    /// httpclient; in drip httpclient buffers whole responses (and the finding says so) unless
    /// <paramref name="httpclientBuffers"/> is false, when it streams like the others and no finding is recorded.
    /// </summary>
    public static RunBuilder Lab(bool httpclientBuffers = true)
    {
        var builder = new RunBuilder()
            .Target(TargetKinds.Direct, TargetKinds.Direct)
            .Target("httpclient")
            .Target("yarp")
            .Target("pipelines");
        for (var repeat = 0; repeat < 3; repeat++)
        {
            builder
                .Measure(TargetKinds.Direct, ScenarioNames.SmallGet, repeat, 20_000 + (repeat * 100), 180)
                .Measure("httpclient", ScenarioNames.SmallGet, repeat, 9_000 + (repeat * 100), 900)
                .Measure("yarp", ScenarioNames.SmallGet, repeat, 12_000 + (repeat * 100), 650)
                .Measure("pipelines", ScenarioNames.SmallGet, repeat, 15_000 + (repeat * 100), 420)
                .Measure(TargetKinds.Direct, ScenarioNames.Drip, repeat, 900 + repeat, 9_000, threePoint: ThreePoint(0.01, 40, waterfalls: Waterfalls()))
                .Measure("httpclient", ScenarioNames.Drip, repeat, 500 + repeat, 30_000, threePoint: httpclientBuffers ? ThreePoint(1.0, 21_000, waterfalls: Waterfalls(buffered: true)) : ThreePoint(0.02, 100, waterfalls: Waterfalls()))
                .Measure("yarp", ScenarioNames.Drip, repeat, 700 + repeat, 11_000, threePoint: ThreePoint(0.02, 120, waterfalls: Waterfalls()))
                .Measure("pipelines", ScenarioNames.Drip, repeat, 800 + repeat, 10_000, threePoint: ThreePoint(0.02, 90, waterfalls: Waterfalls()));
        }

        builder.Spec("httpclient", 113).Spec("yarp", 113).Spec("pipelines", 113);
        return httpclientBuffers
            ? builder.Finding("httpclient", "response-buffering", "critical", "first byte waits for the origin's last in 100% of requests", "stream the response body")
            : builder;
    }
}
