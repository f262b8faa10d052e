namespace CorsLab.Load.Engine;

/// <summary>The phase a sample belongs to. Each phase records into its own recorder, so samples never mix.</summary>
public enum LoadPhase
{
    Warmup,
    Measured,
}
