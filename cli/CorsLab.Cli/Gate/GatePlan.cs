using CorsLab.Cli.Bench;

namespace CorsLab.Cli.Gate;

/// <summary>What a gate run compares, parsed and checked.</summary>
internal sealed record GatePlan
{
    /// <summary>
    /// The bench pass (one quick repeat of <see cref="Diagnostics.Gate.GateSampler.Scenarios"/>, for findings and
    /// connections per request) and the processes: direct, the candidate and with <see cref="AgainstTemplate"/> the reference.
    /// </summary>
    public required BenchPlan Bench { get; init; }

    public required int Trials { get; init; }

    public required TimeSpan TrialDuration { get; init; }

    /// <summary>Before the first trial; later trials warm up a tenth of a trial (connections are kept warm by the rounds).</summary>
    public required TimeSpan Warmup { get; init; }

    /// <summary>The candidate's target name in run.json: the engine's name, or the external proxy's authority.</summary>
    public required string Candidate { get; init; }

    public string? BaselinePath { get; init; }

    public string? AgainstTemplate { get; init; }

    /// <summary>The reference's target name in run.json, with <see cref="AgainstTemplate"/>.</summary>
    public string? AgainstName { get; init; }

    public bool UpdateBaseline { get; init; }

    /// <summary>Gate measurements one after another, each with fresh processes: several only when writing a baseline (its spread between runs).</summary>
    public int Runs { get; init; } = 1;

    public bool StrictEnvironment { get; init; }

    public required double Tolerance { get; init; }

    /// <summary>The processes of the gateways given as templates (<c>--pid</c>, <c>--against-pid</c>), by target name: their CPU is read in each trial.</summary>
    public IReadOnlyDictionary<string, int> TemplateProcessIds { get; init; } = new Dictionary<string, int>();

    /// <summary>A BenchmarkDotNet JSON export whose bytes per operation are judged (and stored by --update-baseline).</summary>
    public string? AllocationsPath { get; init; }
}
