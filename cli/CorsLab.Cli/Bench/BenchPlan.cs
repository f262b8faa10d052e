using CorsLab.Components;
using CorsLab.Load.Scenarios;
using CorsLab.Results;

namespace CorsLab.Cli.Bench;

/// <summary>What a bench run measures, parsed and checked: targets, scenarios, drivers, repeats, where it writes.</summary>
internal sealed record BenchPlan
{
    public required string Name { get; init; }

    /// <summary>The folder that receives the run folder.</summary>
    public required string OutRoot { get; init; }

    public required string Command { get; init; }

    public IReadOnlyList<string> Engines { get; init; } = [];

    /// <summary>Faults every engine of <see cref="Engines"/> is started with, as written on a command line (the gate's candidate).</summary>
    public IReadOnlyList<string> EngineFaults { get; init; } = [];

    /// <summary>External proxies as URL templates (<c>{url}</c> for the upstream URL).</summary>
    public IReadOnlyList<string> Templates { get; init; } = [];

    /// <summary>A fixed URL measured alone (no origin, no direct, no join): a peer such as nginx's static file.</summary>
    public Uri? FixedUrl { get; init; }

    public required IReadOnlyList<Scenario> Scenarios { get; init; }

    /// <summary><c>corslab</c> and/or <c>wrk</c>, interleaved per target.</summary>
    public IReadOnlyList<string> Drivers { get; init; } = [DriverNames.Corslab];

    public int Repeat { get; init; } = 1;

    public bool Quick { get; init; }

    public ModelOverrides Overrides { get; init; } = ModelOverrides.None;

    /// <summary>A running origin to use instead of starting one.</summary>
    public Uri? OriginHttp { get; init; }

    public Uri? OriginHttps { get; init; }

    /// <summary>
    /// <c>--calibrate</c>: the latencies each engine is started again with (zero: a second clean process), each
    /// measured against the engine without the fault. Empty: no calibration.
    /// </summary>
    public IReadOnlyList<TimeSpan> CalibrationDelays { get; init; } = [];

    /// <summary>
    /// <c>--otlp-endpoint</c>: engines export their traces to this collector and the lab starts no receiver of its own
    /// (so no stage breakdown). Null: the lab's receiver, spans.jsonl in the run folder.
    /// </summary>
    public Uri? OtlpEndpoint { get; init; }

    /// <summary>
    /// <c>--trace-sampling</c>: the ratio of requests the engines trace. One in ten by default: enough traced requests
    /// for stable medians in a scenario of a few seconds, while the span work stays a small part of what an engine
    /// does per request, so the traced run measures close to an untraced one.
    /// </summary>
    public double TraceSampling { get; init; } = DefaultTraceSampling;

    public const double DefaultTraceSampling = 0.1;
    /// <summary>Capture each engine's process (EventPipe) around every scenario, into the run folder (<c>investigate</c>; <c>--no-capture</c> turns it off).</summary>
    public bool Capture { get; init; }

    /// <summary>Sample CPU stacks in those captures (hot methods, flame graphs).</summary>
    public bool CaptureCpu { get; init; }

    /// <summary>Run the lab and the components it starts on separate CPUs (<see cref="CpuSplit"/>); set by <c>--calibrate</c> and by the gate.</summary>
    public bool SplitCpus { get; init; }
}
