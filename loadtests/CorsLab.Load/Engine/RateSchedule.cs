namespace CorsLab.Load.Engine;

/// <summary>
/// When the k-th request of an open model is due. A constant rate r sends request k at k/r seconds; a linear
/// ramp from r0 to r1 over D seconds has issued N(t) = r0·t + (r1 − r0)·t²/(2D) requests by t, so request k
/// is due at the root of N(t) = k.
/// </summary>
internal readonly struct RateSchedule
{
    private readonly double _rate;
    private readonly double _halfSlope;

    public RateSchedule(double rate, double rateTo, double durationSeconds)
    {
        _rate = rate;
        _halfSlope = (rateTo - rate) / (2 * durationSeconds);
    }

    /// <summary>Requests due over <paramref name="seconds"/>.</summary>
    public double CountAt(double seconds) => (_rate * seconds) + (_halfSlope * seconds * seconds);

    /// <summary>Seconds from the phase start at which request <paramref name="k"/> (0-based) is due; infinity when never.</summary>
    public double OffsetSeconds(long k)
    {
        if (Math.Abs(_halfSlope) < 1e-12)
        {
            return k / _rate;
        }

        var discriminant = (_rate * _rate) + (4 * _halfSlope * k);
        if (discriminant < 0)
        {
            return double.PositiveInfinity;
        }

        var t = (-_rate + Math.Sqrt(discriminant)) / (2 * _halfSlope);
        return t >= 0 ? t : double.PositiveInfinity;
    }
}
