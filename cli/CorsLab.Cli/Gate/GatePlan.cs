using CorsLab.Cli.Bench;

namespace CorsLab.Cli.Gate;

/// <summary>What a gate run compares, parsed and checked.</summary>
internal sealed record GatePlan
{
    /// <summary>The measurement: the candidate (and with <see cref="AgainstTemplate"/> the reference), direct, interleaved.</summary>
    public required BenchPlan Bench { get; init; }

    /// <summary>The candidate's target name in run.json: the engine's name, or the external proxy's authority.</summary>
    public required string Candidate { get; init; }

    public string? BaselinePath { get; init; }

    public string? AgainstTemplate { get; init; }

    /// <summary>The reference's target name in run.json, with <see cref="AgainstTemplate"/>.</summary>
    public string? AgainstName { get; init; }

    public bool UpdateBaseline { get; init; }

    public bool StrictEnvironment { get; init; }

    public required double Tolerance { get; init; }

    /// <summary>A BenchmarkDotNet JSON export whose bytes per operation are judged (and stored by --update-baseline).</summary>
    public string? AllocationsPath { get; init; }
}
