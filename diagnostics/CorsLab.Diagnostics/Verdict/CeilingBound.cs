using CorsLab.Results;

namespace CorsLab.Diagnostics.Verdict;

/// <summary>
/// A target's figure within <see cref="Reach"/> of the load client's own ceiling on the scenario's deciding
/// metric (requests/s for closed models, p50 for open ones): the figure measures the load client, not the target.
/// </summary>
public sealed record CeilingBound(ScenarioMeasurement Measurement, ScenarioMeasurement Ceiling, DecidingMetric Metric)
{
    /// <summary>Within a fifth of the ceiling, the load client's own cost is most of what was measured.</summary>
    public const double Reach = 0.20;

    /// <summary>Every target and scenario (first repeat that comes within reach) whose figure is bounded by the ceiling.</summary>
    public static IReadOnlyList<CeilingBound> Find(RunDocument run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var bounds = new List<CeilingBound>();
        foreach (var measurement in run.Measurements.Where(m => m.Driver == DriverNames.Corslab && m.Complete && m.Requests > 0))
        {
            var ceiling = run.Ceilings.FirstOrDefault(c => c.Scenario == measurement.Scenario && c.Requests > 0);
            if (ceiling is null || bounds.Any(b => b.Measurement.Target == measurement.Target && b.Measurement.Scenario == measurement.Scenario))
            {
                continue;
            }

            var metric = ScenarioRanker.MetricFor(measurement.Model);
            var near = metric == DecidingMetric.Throughput
                ? measurement.RequestsPerSecond >= (1 - Reach) * ceiling.RequestsPerSecond
                : measurement.Latency.P50 <= (1 + Reach) * ceiling.Latency.P50;
            if (near)
            {
                bounds.Add(new CeilingBound(measurement, ceiling, metric));
            }
        }

        return bounds;
    }
}
