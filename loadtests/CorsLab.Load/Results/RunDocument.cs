using CorsLab.Load.Probes;

namespace CorsLab.Load.Results;

/// <summary>
/// A run as data (schema <see cref="SchemaV1"/>): where it ran, what was measured, whether it finished.
/// Reports are rendered from this alone.
/// </summary>
public sealed record RunDocument
{
    public const string SchemaV1 = "corslab.run/1";

    public string Schema { get; init; } = SchemaV1;

    public required string Name { get; init; }

    public required DateTimeOffset StartedUtc { get; init; }

    public DateTimeOffset? FinishedUtc { get; init; }

    /// <summary>False while running and when interrupted: what is here was measured, but not everything was.</summary>
    public bool Complete { get; init; }

    public required RunEnvironment Environment { get; init; }

    public IReadOnlyList<TargetResult> Targets { get; init; } = [];
}

/// <summary>One engine, external target or the direct origin, and what was measured through it.</summary>
public sealed record TargetResult
{
    public required string Name { get; init; }

    /// <summary><c>engine</c>, <c>external</c> or <c>direct</c>.</summary>
    public required string Kind { get; init; }

    public SpecTally? Spec { get; init; }

    public LatencySummary? SmallGet { get; init; }
}

/// <summary>Spec outcome counts for one target.</summary>
public sealed record SpecTally(int Passed, int Failed, int Skipped, IReadOnlyList<string> FailedCases);
