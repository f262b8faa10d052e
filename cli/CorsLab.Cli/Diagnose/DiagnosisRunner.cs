using CorsLab.Diagnostics.Findings;
using CorsLab.Load.Scenarios;
using CorsLab.Results;

namespace CorsLab.Cli.Diagnose;

/// <summary>
/// Measures one target and the <c>direct</c> reference under the diagnosis scenarios, interleaved (direct, then
/// the target, scenario by scenario, so both see the same machine), then evaluates the rules. Measuring only:
/// starting the origin and the target is the caller's business.
/// </summary>
public sealed class DiagnosisRunner(ScenarioExecutor executor)
{
    public static TargetInfo DirectTarget { get; } = new("direct", TargetKinds.Direct, "{url}", []);

    /// <summary>Runs the catalog scenarios named <paramref name="scenarios"/> against direct and <paramref name="target"/>.</summary>
    /// <param name="direct">Direct's measurements already taken (the self-check measures direct once); null to measure now.</param>
    public Task<Diagnosis> RunAsync(
        TargetInfo target, IReadOnlyList<string> scenarios, int? processId, IReadOnlyList<ScenarioMeasurement>? direct, Action<string>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        return RunAsync(target, DiagnosisScenarios.Resolve(scenarios), processId, direct, progress, cancellationToken);
    }

    /// <summary>Runs <paramref name="scenarios"/> (catalog ones, or built for a user's upstream) against direct and <paramref name="target"/>.</summary>
    public async Task<Diagnosis> RunAsync(
        TargetInfo target, IReadOnlyList<Scenario> scenarios, int? processId, IReadOnlyList<ScenarioMeasurement>? direct, Action<string>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(scenarios);
        var directMeasurements = direct?.ToList() ?? [];
        var measurements = new List<ScenarioMeasurement>();
        foreach (var scenario in scenarios)
        {
            var model = DiagnosisScenarios.ModelFor(scenario);
            if (scenario.MeasureDirect && !directMeasurements.Any(m => m.Scenario == scenario.Name))
            {
                progress?.Invoke($"{scenario.Name}: direct");
                directMeasurements.Add(await executor.RunAsync(scenario, model, DirectTarget, 0, null, null, cancellationToken));
            }

            progress?.Invoke($"{scenario.Name}: {target.Name}");
            measurements.Add(await executor.RunAsync(scenario, model, target, 0, processId, null, cancellationToken));
        }

        var evidence = new TargetEvidence(target.Name, measurements, directMeasurements);
        return new Diagnosis(target, measurements, directMeasurements, FindingRules.Evaluate(evidence), FindingRules.NotChecked(evidence));
    }

    /// <summary>Direct's measurements alone, for callers that diagnose several targets against one reference.</summary>
    public async Task<IReadOnlyList<ScenarioMeasurement>> MeasureDirectAsync(IReadOnlyList<string> scenarios, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        var result = new List<ScenarioMeasurement>();
        foreach (var name in scenarios)
        {
            if (!DiagnosisScenarios.TryGet(name, out var scenario, out var model))
            {
                throw new ArgumentException($"unknown scenario '{name}'", nameof(scenarios));
            }

            if (!scenario.MeasureDirect)
            {
                continue;
            }

            result.Add(await executor.RunAsync(scenario, model, DirectTarget, 0, null, null, cancellationToken));
        }

        return result;
    }
}

/// <summary>One target's diagnosis: what was measured (its own and direct's), what the rules found, and which rules had no evidence.</summary>
public sealed record Diagnosis(
    TargetInfo Target,
    IReadOnlyList<ScenarioMeasurement> Measurements,
    IReadOnlyList<ScenarioMeasurement> Direct,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<(string Rule, string Why)> NotChecked);
