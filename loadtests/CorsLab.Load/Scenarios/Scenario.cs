using CorsLab.Load.Engine;

namespace CorsLab.Load.Scenarios;

/// <summary>
/// A named load scenario as data: what to request from the origin, under which load model, judged by which
/// thresholds. <see cref="ScenarioRequests"/> turns it into requests for a target. The catalog and its README
/// table list them.
/// </summary>
public sealed record Scenario
{
    public required string Name { get; init; }

    public required string Description { get; init; }

    /// <summary>Origin path and query, e.g. <c>/bytes/1024</c>.</summary>
    public required string Path { get; init; }

    public string Method { get; init; } = "GET";

    /// <summary>Request body bytes (payload pattern, Content-Length framed).</summary>
    public long BodyLength { get; init; }

    /// <summary>Reach the origin's https listener (through the proxy: an https upstream URL).</summary>
    public bool Https { get; init; }

    public bool ConnectionClose { get; init; }

    /// <summary>Ask for the origin by the name <c>localhost</c>, not its address: a proxy can only resolve a name (too often).</summary>
    public bool UpstreamByName { get; init; }

    /// <summary>Send the body only after <c>100 Continue</c> (or the client's continue timeout): <see cref="RequestSpec.ExpectContinue"/>.</summary>
    public bool ExpectContinue { get; init; }

    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    public ScenarioKind Kind { get; init; } = ScenarioKind.Proxied;

    /// <summary>The load model of the standard profile.</summary>
    public required LoadModel Model { get; init; }

    /// <summary>The model of the quick profile (seconds, a short warm-up); the standard one shortened when null.</summary>
    public LoadModel? Quick { get; init; }

    public IReadOnlyList<Threshold> Thresholds { get; init; } = [];

    /// <summary>Ask the target's health endpoint after the measured phase (<c>/healthcheck</c>; <c>/healthz</c> on the origin).</summary>
    public bool CheckHealthAfter { get; init; }

    /// <summary>
    /// A diagnosis probe: a scenario that provokes one cause (README beside the catalog). <c>diagnose</c> runs the probes
    /// its rules need; <c>bench</c> and <c>investigate</c> only when they are named, since they rank nothing.
    /// </summary>
    public bool Probe { get; init; }

    /// <summary>
    /// Whether diagnose measures direct beside the target. False for a probe whose direct answer is known without
    /// measuring and would only cost time (a silent upstream is silent direct too).
    /// </summary>
    public bool MeasureDirect { get; init; } = true;

    /// <summary>
    /// A user's own upstream URL the scenario requests instead of the lab origin's <see cref="Path"/>
    /// (<c>diagnose --upstream-url</c>); it keeps no timings, so nothing is joined.
    /// </summary>
    public Uri? Upstream { get; init; }

    /// <summary>Whether the three-point join applies (false when the origin never sees the requests, as for a preflight or a user's upstream).</summary>
    public bool Joinable => Kind != ScenarioKind.Preflight && Upstream is null;

    public LoadModel ModelFor(bool quick) => quick
        ? Quick ?? Model with { Warmup = TimeSpan.FromSeconds(0.3), Duration = TimeSpan.FromSeconds(1) }
        : Model;
}
