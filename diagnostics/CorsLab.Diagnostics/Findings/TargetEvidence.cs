using CorsLab.Results;

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
    private readonly ILookup<string, ScenarioMeasurement> _targetRepeats;
    private readonly ILookup<string, ScenarioMeasurement> _directRepeats;

    public TargetEvidence(string target, IEnumerable<ScenarioMeasurement> targetMeasurements, IEnumerable<ScenarioMeasurement> directMeasurements)
    {
        ArgumentException.ThrowIfNullOrEmpty(target);
        Target = target;
        var measured = OurDriver(targetMeasurements).ToList();
        var reference = OurDriver(directMeasurements).ToList();
        _target = LastCompleteByScenario(measured);
        _direct = LastCompleteByScenario(reference);
        _targetRepeats = measured.ToLookup(m => m.Scenario, StringComparer.Ordinal);
        _directRepeats = reference.ToLookup(m => m.Scenario, StringComparer.Ordinal);
    }

    public string Target { get; }

    public IEnumerable<string> Scenarios => _target.Keys;

    public ScenarioMeasurement? Measured(string scenario) => _target.GetValueOrDefault(scenario);

    public ScenarioMeasurement? Direct(string scenario) => _direct.GetValueOrDefault(scenario);

    /// <summary>Every repeat of <paramref name="scenario"/> this target ran, in the order they ran.</summary>
    public IEnumerable<ScenarioMeasurement> Repeats(string scenario) => _targetRepeats[scenario];

    /// <summary>Every repeat of <paramref name="scenario"/> direct ran, in the order they ran.</summary>
    public IEnumerable<ScenarioMeasurement> DirectRepeats(string scenario) => _directRepeats[scenario];

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

    /// <summary>wrk's figures carry no exact histogram and no join with the origin: the rules read our driver's only.</summary>
    private static IEnumerable<ScenarioMeasurement> OurDriver(IEnumerable<ScenarioMeasurement> measurements)
    {
        ArgumentNullException.ThrowIfNull(measurements);
        return measurements.Where(m => m.Driver != DriverNames.Wrk).OrderBy(m => m.Repeat);
    }

    private static Dictionary<string, ScenarioMeasurement> LastCompleteByScenario(IEnumerable<ScenarioMeasurement> measurements)
    {
        var result = new Dictionary<string, ScenarioMeasurement>(StringComparer.Ordinal);
        foreach (var measurement in measurements)
        {
            if (measurement.Complete || !result.ContainsKey(measurement.Scenario))
            {
                result[measurement.Scenario] = measurement;
            }
        }

        return result;
    }
}
