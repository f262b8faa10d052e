namespace CorsLab.Results.Baselines;

/// <summary>
/// A committed baseline for <c>corslab gate --baseline</c> (schema <see cref="SchemaV2"/>): the trials of one target
/// over one or more runs (<see cref="GateTrial.Run"/>) with the environment they were measured on, the findings it
/// had, and allocations per operation when a BenchmarkDotNet export was given. A new shape gets a new schema name;
/// <see cref="SchemaV1"/> (one run, no run numbers) is still read.
/// </summary>
public sealed record GateBaseline
{
    public const string SchemaV1 = "corslab.gate-baseline/1";

    public const string SchemaV2 = "corslab.gate-baseline/2";

    public string Schema { get; init; } = SchemaV2;

    public required DateTimeOffset CreatedUtc { get; init; }

    public required RunEnvironment Environment { get; init; }

    /// <summary>The target as the run named it (an engine, or an external proxy's authority).</summary>
    public required string Target { get; init; }

    public IReadOnlyList<string> Faults { get; init; } = [];

    public required IReadOnlyList<GateTrial> Trials { get; init; }

    /// <summary>Upstream connections per request on <c>reuse</c> (one client connection, one request at a time), the mean over runs; null when not joined.</summary>
    public double? ConnectionsPerRequest { get; init; }

    /// <summary>Ids of the target's findings at warn or above, in any of the runs.</summary>
    public IReadOnlyList<string> Findings { get; init; } = [];

    /// <summary>Bytes allocated per operation by benchmark (BenchmarkDotNet's MemoryDiagnoser); empty when not measured.</summary>
    public IReadOnlyDictionary<string, double> Allocations { get; init; } = new Dictionary<string, double>();
}
