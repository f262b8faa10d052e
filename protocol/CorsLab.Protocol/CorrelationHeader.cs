namespace CorsLab.Protocol;

/// <summary>
/// The header the load client and the spec put on every request they time. Engines forward it like any other
/// header; the origin records its timings under it; the join matches client and origin by it.
/// </summary>
public static class CorrelationHeader
{
    public const string Name = "x-corslab-id";
}
