using CorsLab.Load.Results;
using CorsLab.Load.Wrk;

namespace CorsLab.Diagnostics.Findings;

/// <summary>
/// The measurements of one target and of the <c>direct</c> reference (the origin with no proxy), by scenario.
/// When a scenario ran several times, the last complete repeat counts: repeats are interleaved with the other
/// targets, so the last one ran under the same conditions as direct's last one.
/// </summary>
public sealed class TargetEvidence
{
    private readonly Dictionary<string, ScenarioMeasurement> _target;
    private readonly Dictionary<string, ScenarioMeasurement> _direct;

    public TargetEvidence(string target, IEnumerable<ScenarioMeasurement> targetMeasurements, IEnumerable<ScenarioMeasurement> directMeasurements)
    {
        ArgumentException.ThrowIfNullOrEmpty(target);
        Target = target;
        _target = LastCompleteByScenario(targetMeasurements);
        _direct = LastCompleteByScenario(directMeasurements);
    }

    public string Target { get; }

    public IEnumerable<string> Scenarios => _target.Keys;

    public ScenarioMeasurement? Measured(string scenario) => _target.GetValueOrDefault(scenario);

    public ScenarioMeasurement? Direct(string scenario) => _direct.GetValueOrDefault(scenario);

    /// <summary>The first of <paramref name="preferred"/> this target was measured under, with direct's measurement of it.</summary>
    public (ScenarioMeasurement Target, ScenarioMeasurement? Direct)? First(IEnumerable<string> preferred, Func<ScenarioMeasurement, bool>? usable = null)
    {
        foreach (var scenario in preferred)
        {
            if (_target.TryGetValue(scenario, out var measured) && (usable is null || usable(measured)))
            {
                return (measured, _direct.GetValueOrDefault(scenario));
            }
        }

        return null;
    }

    private static Dictionary<string, ScenarioMeasurement> LastCompleteByScenario(IEnumerable<ScenarioMeasurement> measurements)
    {
        ArgumentNullException.ThrowIfNull(measurements);
        var result = new Dictionary<string, ScenarioMeasurement>(StringComparer.Ordinal);

        // wrk's figures carry no exact histogram and no join with the origin: the rules read our driver's only.
        foreach (var measurement in measurements.Where(m => m.Driver != WrkDriver.Name).OrderBy(m => m.Repeat))
        {
            if (measurement.Complete || !result.ContainsKey(measurement.Scenario))
            {
                result[measurement.Scenario] = measurement;
            }
        }

        return result;
    }
}
