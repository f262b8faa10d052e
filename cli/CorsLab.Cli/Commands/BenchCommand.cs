using System.CommandLine;
using CorsLab.Cli.Bench;
using CorsLab.Cli.Usage;
using CorsLab.Load.Engine;
using CorsLab.Load.Scenarios;
using CorsLab.Load.Wrk;
using CorsLab.Proxies.Catalog;
using CorsLab.Results;

namespace CorsLab.Cli.Commands;

/// <summary>
/// <c>corslab bench</c>: load scenarios against engines (each its own process), external proxies or a fixed URL,
/// always with <c>direct</c> (the origin, no proxy) as the reference; a run folder with run.json.
/// </summary>
internal static class BenchCommand
{
    public const string DefaultDriver = DriverNames.Corslab;

    private static readonly Option<string?> Engines = new("--engines") { Description = $"comma-separated engines ({string.Join(", ", EngineCatalog.Names)})" };
    private static readonly Option<string[]> Targets = new("--target") { Description = "an external proxy as a URL template, e.g. http://127.0.0.1:8080/?url={url} (repeatable)", AllowMultipleArgumentsPerToken = false };
    private static readonly Option<string?> Url = new("--url") { Description = "measure one fixed URL alone (no origin, no direct, no join), e.g. a peer's static file" };
    private static readonly Option<string?> Scenarios = new("--scenarios") { Description = $"comma-separated scenarios (default: all): {string.Join(", ", ScenarioCatalog.Names)}" };
    private static readonly Option<string?> Duration = new("--duration") { Description = "measured phase per scenario (seconds or 500ms, 2s, 1m); default: the scenario's" };
    private static readonly Option<string?> Warmup = new("--warmup") { Description = "warm-up per scenario; default: the scenario's" };
    private static readonly Option<int> Repeat = new("--repeat") { Description = "repeats; targets are interleaved within each", DefaultValueFactory = _ => 1 };
    private static readonly Option<string?> Origin = new("--origin") { Description = "a running origin's http URL (default: start one)" };
    private static readonly Option<string?> OriginHttps = new("--origin-https") { Description = "that origin's https URL (for https-upstream)" };
    private static readonly Option<string> Out = new("--out") { Description = "folder for run folders", DefaultValueFactory = _ => Path.Combine("results", "runs") };
    private static readonly Option<string> Name = new("--name") { Description = "run name, appended to the stamp", DefaultValueFactory = _ => "bench" };
    private static readonly Option<string> Driver = new("--driver") { Description = "corslab, wrk, or both comma-separated (interleaved)", DefaultValueFactory = _ => DefaultDriver };
    private static readonly Option<bool> Quick = new("--quick") { Description = "short phases (seconds) for a quick look" };
    private static readonly Option<string?> Model = new("--model") { Description = $"override every scenario's load model: {string.Join(", ", LoadModelKinds.Names)}" };
    private static readonly Option<int?> Connections = new("--connections") { Description = "override the connection count" };
    private static readonly Option<double?> Rate = new("--rate") { Description = "override the rate (requests/s; open models)" };
    private static readonly Option<double?> RateTo = new("--rate-to") { Description = "override the rate a ramp ends at" };
    private static readonly Option<int?> Concurrency = new("--concurrency") { Description = "override the requests in flight (concurrency model)" };
    private static readonly Option<long?> MaxRequests = new("--max-requests") { Description = "override the request bound per phase" };
    private static readonly Option<bool> Calibrate = new("--calibrate") { Description = "start each engine (default: pipelines, yarp) again with added-latency 0/100us/500us/2ms and check the lab measures each within ±20 % or ±30 µs at p50 (small-get, 3 interleaved repeats of 4 s; exit 1 when one misses)" };

    /// <summary>The known latencies of <c>--calibrate</c>; zero is a second clean process of the engine.</summary>
    internal static readonly TimeSpan[] CalibrationDelays =
        [TimeSpan.Zero, TimeSpan.FromMicroseconds(100), TimeSpan.FromMicroseconds(500), TimeSpan.FromMilliseconds(2)];

    private static readonly string[] CalibrationEngines = ["pipelines", "yarp"];

    /// <summary>
    /// Three short interleaved repeats rather than one long phase per target: two processes of one engine measured
    /// 12 s apart differed by up to 60 µs at p50 (machine drift), which interleaving spreads over both.
    /// </summary>
    private const int CalibrationRepeats = 3;

    private static readonly TimeSpan CalibrationDuration = TimeSpan.FromSeconds(4);

    private static readonly Option<string?> OtlpEndpoint = TraceOptions.Endpoint("engines export traces to this OTLP collector (e.g. Jaeger, Tempo, the Aspire dashboard) instead of the lab's receiver; no stage breakdown then");
    private static readonly Option<string?> Sampling = TraceOptions.Sampling($"ratio of requests the engines trace, 0 to 1 (default {BenchPlan.DefaultTraceSampling})");

    public static Command Create()
    {
        var command = new Command("bench", "Load scenarios against engines or external proxies, with the origin direct as the reference; writes run.json.");
        foreach (var option in new Option[] { Engines, Targets, Url, Scenarios, Duration, Warmup, Repeat, Origin, OriginHttps, Out, Name, Driver, Quick, Model, Connections, Rate, RateTo, Concurrency, MaxRequests, Calibrate, OtlpEndpoint, Sampling })
        {
            command.Options.Add(option);
        }

        LoadCommandAction.Set(command, (parse, cancellationToken) => BenchSession.RunAsync(ParsePlan(parse), new BenchConsole(), null, cancellationToken));
        return command;
    }

    internal static BenchPlan ParsePlan(ParseResult parse)
    {
        var engines = List(parse.GetValue(Engines)).Select(name => EngineOption.Parse(name).Name).ToArray();
        var templates = parse.GetValue(Targets) ?? [];
        var url = parse.GetValue(Url) is { } text ? AbsoluteUrl(Url.Name, text) : null;
        var calibrate = parse.GetValue(Calibrate);
        if (calibrate)
        {
            if (templates.Length > 0 || url is not null || parse.GetValue(Origin) is not null)
            {
                throw new UsageException("--calibrate starts the engines itself with added-latency; it does not combine with --target, --url or --origin");
            }

            engines = engines.Length > 0 ? engines : CalibrationEngines;
        }
        if (engines.Length == 0 && templates.Length == 0 && url is null)
        {
            throw new UsageException("bench needs --engines LIST, --target TEMPLATE or --url URL");
        }

        if (url is not null && (engines.Length > 0 || templates.Length > 0))
        {
            throw new UsageException("--url measures one URL alone; it does not combine with --engines or --target");
        }

        foreach (var template in templates)
        {
            if (!TargetTemplate.IsValid(template))
            {
                throw new UsageException($"--target '{template}' is not an http(s) URL template with one of {TargetTemplate.Url} or {TargetTemplate.Path}, e.g. {TargetTemplate.Examples} (use --url for a fixed URL)");
            }
        }

        var drivers = List(parse.GetRequiredValue(Driver)).Distinct().ToArray();
        foreach (var driver in drivers)
        {
            if (driver != DefaultDriver && driver != WrkDriver.Name)
            {
                throw new UsageException($"unknown driver '{driver}'; valid drivers: {DefaultDriver}, {WrkDriver.Name}");
            }
        }

        if (calibrate && drivers.Contains(WrkDriver.Name))
        {
            throw new UsageException("--calibrate judges exact histograms, which only the corslab driver records; drop --driver wrk");
        }

        var repeat = calibrate && parse.GetResult(Repeat) is null or { Implicit: true } ? CalibrationRepeats : parse.GetValue(Repeat);
        if (repeat is < 1 or > 1000)
        {
            throw new UsageException($"--repeat: {repeat} is not between 1 and 1000");
        }

        LoadModelKind? kind = null;
        if (parse.GetValue(Model) is { } modelName)
        {
            kind = LoadModelKinds.TryParse(modelName, out var parsed) ? parsed : throw new UsageException($"unknown model '{modelName}'; valid models: {string.Join(", ", LoadModelKinds.Names)}");
        }

        var overrides = new ModelOverrides(
            kind,
            parse.GetValue(Connections),
            parse.GetValue(Rate),
            parse.GetValue(RateTo),
            parse.GetValue(Concurrency),
            parse.GetValue(Warmup) is { } warmup ? DurationOption.Parse(Warmup.Name, warmup) : null,
            parse.GetValue(Duration) is { } duration ? DurationOption.Parse(Duration.Name, duration) : calibrate && !parse.GetValue(Quick) ? CalibrationDuration : null,
            parse.GetValue(MaxRequests));
        var scenarios = ParseScenarios(parse.GetValue(Scenarios), url is null && !calibrate ? null : ScenarioNames.SmallGet);
        if (calibrate && scenarios.Count != 1)
        {
            throw new UsageException($"--calibrate measures one scenario; --scenarios names {scenarios.Count}");
        }
        foreach (var scenario in scenarios)
        {
            try
            {
                overrides.Apply(scenario.ModelFor(parse.GetValue(Quick)));
            }
            catch (ArgumentException error)
            {
                throw new UsageException($"{scenario.Name}: {error.Message}");
            }
        }

        var name = parse.GetRequiredValue(Name);
        return new BenchPlan
        {
            Name = calibrate && parse.GetResult(Name) is null or { Implicit: true } ? "calibrate" : name,
            OutRoot = parse.GetRequiredValue(Out),
            Command = "corslab " + string.Join(' ', parse.Tokens.Select(token => token.Value)),
            Engines = engines,
            Templates = templates,
            FixedUrl = url,
            Scenarios = scenarios,
            Drivers = drivers,
            Repeat = repeat,
            Quick = parse.GetValue(Quick),
            Overrides = overrides,
            OriginHttp = parse.GetValue(Origin) is { } origin ? AbsoluteUrl(Origin.Name, origin) : null,
            OriginHttps = parse.GetValue(OriginHttps) is { } https ? AbsoluteUrl(OriginHttps.Name, https) : null,
            CalibrationDelays = calibrate ? CalibrationDelays : [],
            SplitCpus = calibrate,
            OtlpEndpoint = TraceOptions.ParseEndpoint(OtlpEndpoint, parse.GetValue(OtlpEndpoint)),
            TraceSampling = TraceOptions.ParseSampling(Sampling, parse.GetValue(Sampling)) ?? BenchPlan.DefaultTraceSampling,
        };
    }

    /// <summary>Scenario names to scenarios; an unknown name is a usage error listing the valid ones.</summary>
    internal static IReadOnlyList<Scenario> ParseScenarios(string? list, string? fallback)
    {
        var names = List(list);
        if (names.Length == 0)
        {
            return fallback is null ? ScenarioCatalog.Standard : [ScenarioCatalog.All.First(s => s.Name == fallback)];
        }

        return names.Select(name => ScenarioCatalog.TryGet(name, out var scenario)
            ? scenario
            : throw new UsageException($"unknown scenario '{name}'; valid scenarios: {string.Join(", ", ScenarioCatalog.Names)}")).ToArray();
    }

    private static string[] List(string? text) =>
        (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static Uri AbsoluteUrl(string option, string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new UsageException($"{option}: '{text}' is not an absolute http(s) URL");
}
