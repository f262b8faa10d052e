namespace CorsLab.Results;

/// <summary>
/// A run as data (schema <see cref="SchemaV1"/>): where it ran, what was measured, what the rules concluded,
/// whether it finished. Reports are rendered from this alone, so any run can be re-rendered and compared.
/// </summary>
public sealed record RunDocument
{
    public const string SchemaV1 = "corslab.run/1";

    public string Schema { get; init; } = SchemaV1;

    public required string Name { get; init; }

    /// <summary>The command line that produced the run, for reproducing it.</summary>
    public string Command { get; init; } = "";

    public required DateTimeOffset StartedUtc { get; init; }

    public DateTimeOffset? FinishedUtc { get; init; }

    /// <summary>False while running and when interrupted: what is here was measured, but not everything was.</summary>
    public bool Complete { get; init; }

    public required RunEnvironment Environment { get; init; }

    /// <summary>Every engine, external target and the <c>direct</c> reference that took part.</summary>
    public IReadOnlyList<TargetInfo> Targets { get; init; } = [];

    public IReadOnlyList<SpecTally> Spec { get; init; } = [];

    /// <summary>One entry per target × scenario × repeat, in the order they ran.</summary>
    public IReadOnlyList<ScenarioMeasurement> Measurements { get; init; } = [];

    public IReadOnlyList<FindingRecord> Findings { get; init; } = [];

    /// <summary>
    /// The load client against a trivial responder in its own process, once per scenario it can stand in for
    /// (target <c>load-client-ceiling</c>): how far the lab itself goes on this machine.
    /// </summary>
    public IReadOnlyList<ScenarioMeasurement> Ceilings { get; init; } = [];

    /// <summary>Set by <c>bench --calibrate</c> only.</summary>
    public CalibrationRecord? Calibration { get; init; }
}
