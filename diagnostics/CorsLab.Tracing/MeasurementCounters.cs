using CorsLab.Results;

namespace CorsLab.Tracing;

/// <summary>
/// Gives each engine measurement of a run its <see cref="CounterSeries"/>: the metric points its process exported
/// (found by the resource's <c>process.pid</c>; every engine exports all the time, so the time window alone would mix
/// them) during its measured phase.
/// </summary>
public static class MeasurementCounters
{
    /// <summary>The semantic conventions' attribute of an HTTP client's metrics that names the server's port.</summary>
    public const string ServerPortAttribute = "server.port";

    /// <param name="processIds">The process id of each target that is a local process, by target name.</param>
    /// <param name="labPorts">
    /// The receiver's own ports: the engine's OTLP exporter talks to it over HttpClient, and those connections and
    /// requests are the lab's, not the engine's, so points that name one of these ports are left out.
    /// </param>
    public static RunDocument Attach(RunDocument run, IReadOnlyList<MetricPointRecord> points, IReadOnlyDictionary<string, int> processIds, IReadOnlySet<int> labPorts)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (points.Count == 0)
        {
            return run;
        }

        var lab = labPorts.Select(port => port.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
        var byProcess = points
            .Where(point => point.Pid is not null && !(point.Attributes.TryGetValue(ServerPortAttribute, out var port) && lab.Contains(port)))
            .ToLookup(point => point.Pid!.Value);
        var measurements = run.Measurements.Select(m =>
        {
            if (!processIds.TryGetValue(m.Target, out var pid) || !byProcess.Contains(pid))
            {
                return m;
            }

            var from = MeasuredPhase.StartUnixNs(m);
            var counters = CounterSeriesCalculator.Compute(byProcess[pid], from, from + MeasuredPhase.LengthNs(m));
            return counters.Count > 0 ? m with { Counters = counters } : m;
        }).ToArray();
        return run with { Measurements = measurements };
    }
}
