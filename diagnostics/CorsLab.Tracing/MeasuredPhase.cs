using CorsLab.Results;

namespace CorsLab.Tracing;

/// <summary>A measurement's measured phase on the exporters' clock (Unix nanoseconds): after its warm-up, for its elapsed time.</summary>
internal static class MeasuredPhase
{
    public static ulong StartUnixNs(ScenarioMeasurement measurement) =>
        (ulong)(measurement.StartedUtc.AddSeconds(measurement.WarmupSeconds ?? 0) - DateTimeOffset.UnixEpoch).Ticks * 100;

    public static ulong LengthNs(ScenarioMeasurement measurement) => (ulong)(measurement.ElapsedSeconds * 1e9);
}
