namespace CorsLab.Diagnostics.Verdict;

/// <summary>Something about the whole run that qualifies every number in it.</summary>
public enum RunCaveat
{
    /// <summary>The run was interrupted or failed: what is here was measured, not everything was.</summary>
    Incomplete,

    /// <summary>Engines were built in Debug: numbers say little about production.</summary>
    DebugBuild,

    /// <summary>Every target ran each scenario once: no spread, so no ranking is settled.</summary>
    SingleRepeat,

    /// <summary>run.json holds no measurements.</summary>
    NoMeasurements,

    /// <summary>
    /// In some open-model phase the load client itself sent late (<see cref="RunAnalysis.LatePhases"/>): their
    /// latencies, counted from the intended send time, carry the lab's lateness and are not to be trusted.
    /// </summary>
    LoadClientLate,

    /// <summary>
    /// Some target's figure came within reach of the load client's own ceiling (<see cref="RunAnalysis.CeilingBound"/>):
    /// it measures the load client, not the target.
    /// </summary>
    NearLoadClientCeiling,
}
