namespace CorsLab.Results;

/// <summary>Which load generator produced a measurement (<see cref="ScenarioMeasurement.Driver"/>).</summary>
public static class DriverNames
{
    /// <summary>The lab's own load engine: exact histograms, per-request samples, the join with the origin.</summary>
    public const string Corslab = "corslab";

    /// <summary>wrk, the external cross-check: percentiles only, no histogram, no join.</summary>
    public const string Wrk = "wrk";
}
