namespace CorsLab.Diagnostics.Gate;

/// <summary>The gate's one verdict.</summary>
public enum GateOutcome
{
    Pass,
    Regression,

    /// <summary>The run could not measure (the load client was late, too few trials): neither a pass nor a regression.</summary>
    CouldNotMeasure,
}
