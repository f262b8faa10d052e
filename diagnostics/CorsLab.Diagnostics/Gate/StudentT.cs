namespace CorsLab.Diagnostics.Gate;

/// <summary>
/// The two-sided 95 % quantile of Student's t, for the few degrees of freedom a baseline's runs give: with three runs
/// the spread between them is itself a guess, and t (4.30 for 2 degrees) widens the interval by as much as it should.
/// </summary>
public static class StudentT
{
    /// <summary>t at 0.975 for 1 to 19 degrees of freedom (a baseline of 2 to 20 runs).</summary>
    private static readonly double[] Quantiles975 =
    [
        12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
        2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093,
    ];

    public static int MaxDegreesOfFreedom => Quantiles975.Length;

    public static double Quantile975(int degreesOfFreedom) =>
        degreesOfFreedom is >= 1 and var df && df <= Quantiles975.Length
            ? Quantiles975[df - 1]
            : throw new ArgumentOutOfRangeException(nameof(degreesOfFreedom), degreesOfFreedom, $"between 1 and {Quantiles975.Length}");
}
