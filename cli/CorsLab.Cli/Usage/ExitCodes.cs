namespace CorsLab.Cli.Usage;

internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The command ran and found a failure (a spec case failed, a gate regressed).</summary>
    public const int Failed = 1;

    /// <summary>Bad input: unknown name, bad value, busy port, unreachable target.</summary>
    public const int Usage = 2;

    /// <summary>The command ran but could not measure (the gate's load client was late): neither a pass nor a failure.</summary>
    public const int CouldNotMeasure = 3;

    /// <summary>Interrupted (Ctrl+C): the conventional 128 + SIGINT.</summary>
    public const int Interrupted = 130;
}
