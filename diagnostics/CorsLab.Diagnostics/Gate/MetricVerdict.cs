namespace CorsLab.Diagnostics.Gate;

/// <summary>One row's judgement.</summary>
public enum MetricVerdict
{
    /// <summary>Within tolerance, or the interval reaches into it.</summary>
    Pass,

    /// <summary>The whole interval lies beyond the tolerance on the slow side (for a count: beyond its slack).</summary>
    Regression,

    /// <summary>The whole interval lies beyond the tolerance on the fast side; never fails the gate.</summary>
    Improved,

    /// <summary>Nothing to judge: no reference figure, or a reference that is not positive.</summary>
    NotJudged,
}
