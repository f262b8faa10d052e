namespace CorsLab.Load.Probes;

/// <summary>A thing to measure: a name and the URL a small GET goes to (through a proxy, or the origin directly).</summary>
public sealed record LatencyTarget(string Name, Uri Url);
