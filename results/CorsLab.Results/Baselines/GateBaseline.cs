namespace CorsLab.Results.Baselines;

/// <summary>
/// A committed baseline for <c>corslab gate --baseline</c> (schema <see cref="SchemaV1"/>): the trials of one target
/// with the environment they were measured on, the findings it had, and allocations per operation when a
/// BenchmarkDotNet export was given. A new shape gets a new schema name.
/// </summary>
public sealed record GateBaseline
{
    public const string SchemaV1 = "corslab.gate-baseline/1";

    public string Schema { get; init; } = SchemaV1;

    public required DateTimeOffset CreatedUtc { get; init; }

    public required RunEnvironment Environment { get; init; }

    /// <summary>The target as the run named it (an engine, or an external proxy's authority).</summary>
    public required string Target { get; init; }

    public IReadOnlyList<string> Faults { get; init; } = [];

    public required IReadOnlyList<GateTrial> Trials { get; init; }

    /// <summary>Upstream connections per request on <c>reuse</c> (one client connection, one request at a time); null when not joined.</summary>
    public double? ConnectionsPerRequest { get; init; }

    /// <summary>Ids of the target's findings at warn or above.</summary>
    public IReadOnlyList<string> Findings { get; init; } = [];

    /// <summary>Bytes allocated per operation by benchmark (BenchmarkDotNet's MemoryDiagnoser); empty when not measured.</summary>
    public IReadOnlyDictionary<string, double> Allocations { get; init; } = new Dictionary<string, double>();
}
