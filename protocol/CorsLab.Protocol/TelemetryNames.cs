namespace CorsLab.Protocol;

/// <summary>
/// The one name the engines' ActivitySource and Meter share (Kestrel's habit: one name per component), so a
/// collector or the lab's own listeners find every engine's spans and instruments under it.
/// </summary>
public static class TelemetryNames
{
    public const string Proxy = "CorsLab.Proxy";
}
