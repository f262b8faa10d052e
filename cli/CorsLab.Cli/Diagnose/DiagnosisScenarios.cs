using CorsLab.Diagnostics.Findings;
using CorsLab.Load.Engine;
using CorsLab.Load.Scenarios;
using CorsLab.Results;

namespace CorsLab.Cli.Diagnose;

/// <summary>
/// The smallest scenario set the black-box rules need, each cut to about two seconds: the load engine's catalog
/// scenarios (<c>drip</c>, <c>upload</c>, <c>small-get</c>) with short diagnosis models, and <c>reuse</c>, the
/// connection-reuse probe, with its quick model. Any other catalog scenario can be asked for by name.
/// </summary>
public static class DiagnosisScenarios
{
    /// <summary>
    /// The smallest set that gives every black-box rule its evidence, in the order diagnose runs them: the catalog's
    /// drip, upload, small-get and reuse, then the probes (fine-drip adds nothing split-write does not show).
    /// </summary>
    public static IReadOnlyList<string> Default { get; } =
    [
        ScenarioNames.Drip, ScenarioNames.Upload, ScenarioNames.SmallGet, ScenarioNames.Reuse,
        ScenarioNames.SplitWrite, ScenarioNames.UpstreamNagle, ScenarioNames.UpstreamClose, ScenarioNames.ExpectContinue, ScenarioNames.PoolProbe,
        ScenarioNames.StaleProbe,
    ];

    /// <summary>
    /// <c>--quick</c>: the catalog's drip, upload and small-get and the split-write probe, under 20 s: response and
    /// request buffering, Nagle, connection churn both ways and the overhead. The other rules say "not checked".
    /// </summary>
    public static IReadOnlyList<string> Quick { get; } =
    [
        ScenarioNames.Drip, ScenarioNames.Upload, ScenarioNames.SmallGet, ScenarioNames.SplitWrite,
    ];

    /// <summary>
    /// <c>--deep</c>: the default set, https-upstream (what connection churn costs a request on TLS), http10-drip
    /// (a close-delimited HTTP/1.0 body) and the slow probe (a silent upstream waited for 65 s).
    /// </summary>
    public static IReadOnlyList<string> Deep { get; } = [.. Default, ScenarioNames.HttpsUpstream, ScenarioNames.Http10Drip, ScenarioNames.SilentUpstream];

    /// <summary>
    /// Added to any set when the target's process is captured: named-get, whose 16 in flight and origin by name make the
    /// white-box causes (lookups, blocked threads, allocation) show per request, and large-download, whose 160 copied
    /// pieces a request make a lock on the copy path contend even on two cores.
    /// </summary>
    public static IReadOnlyList<string> WhiteBox { get; } = [ScenarioNames.NamedGet, ScenarioNames.LargeDownload];

    /// <summary><paramref name="names"/> with the white-box scenarios appended when <paramref name="capture"/> is on.</summary>
    public static IReadOnlyList<string> WithCapture(IReadOnlyList<string> names, bool capture) =>
        capture ? [.. names, .. WhiteBox.Where(name => !names.Contains(name))] : names;

    /// <summary>The default scenarios <paramref name="rule"/> reads (the white-box ones too): all a run needs to see whether that one rule fires.</summary>
    public static IReadOnlyList<string> For(IFindingRule rule) => [.. Deep.Concat(WhiteBox).Where(rule.Scenarios.Contains)];

    public static IEnumerable<string> Names => ScenarioCatalog.Names;

    /// <summary>The scenario with the model diagnose runs it under.</summary>
    public static bool TryGet(string name, out Scenario scenario, out LoadModel model)
    {
        if (!ScenarioCatalog.TryGet(name, out scenario))
        {
            model = null!;
            return false;
        }

        model = ModelFor(scenario);
        return true;
    }

    /// <summary>The catalog scenarios named; an unknown name is the caller's bug (names are checked at the command line).</summary>
    public static IReadOnlyList<Scenario> Resolve(IEnumerable<string> names) =>
        [.. names.Select(name => ScenarioCatalog.TryGet(name, out var scenario) ? scenario : throw new ArgumentException($"unknown scenario '{name}'", nameof(names)))];

    /// <summary>
    /// <c>--upstream-url</c>: small-get and reuse, requesting the user's own upstream URL instead of the origin's
    /// paths; the rules that need the origin's timings say "not checked", the others judge against direct to it.
    /// </summary>
    public static IReadOnlyList<Scenario> ForUpstream(Uri upstream)
    {
        ArgumentNullException.ThrowIfNull(upstream);
        return [.. new[] { ScenarioNames.SmallGet, ScenarioNames.Reuse }.Select(name =>
        {
            ScenarioCatalog.TryGet(name, out var scenario);
            return scenario with { Upstream = upstream, Description = $"{scenario.Description} Requests {upstream} instead of the lab origin." };
        })];
    }

    /// <summary>The model diagnose runs <paramref name="scenario"/> under: short, with enough samples for its rules.</summary>
    public static LoadModel ModelFor(Scenario scenario) => scenario.Name switch
    {
        // 80 ms per response, 8 in flight: ~80 dripped responses in 1 s, every one eligible for the buffering test.
        ScenarioNames.Drip => new LoadModel { Kind = LoadModelKind.Concurrency, Concurrency = 8, Warmup = TimeSpan.FromSeconds(0.2), Duration = TimeSpan.FromSeconds(1) },

        // 10 MB bodies, larger than the loopback socket buffers on the way, so a streaming proxy's origin sees the
        // first byte while the client is still writing; 2 in flight. Bounded by count: 24 uploads, over twice the
        // rule's 10, take ~1.5 s on a quiet 2-core machine; a loaded one got only 4 in a fixed 1.2 s and the rule
        // stayed silent, so the time is only the cap.
        ScenarioNames.Upload => new LoadModel { Kind = LoadModelKind.Concurrency, Concurrency = 2, Warmup = TimeSpan.FromSeconds(0.2), Duration = TimeSpan.FromSeconds(6), MaxRequests = 24 },

        // 200/s over 16 connections: ~200 samples, and room for every request to take 40 ms (16 / 0.04 s = 400/s)
        // so a Nagle stall shows as itself, not as queueing behind other stalls.
        ScenarioNames.SmallGet => new LoadModel { Kind = LoadModelKind.ConstantRate, Rate = 200, Connections = 16, Warmup = TimeSpan.FromSeconds(0.2), Duration = TimeSpan.FromSeconds(1) },
        _ => scenario.ModelFor(quick: true),
    };
}
