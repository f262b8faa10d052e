namespace CorsLab.Load.Engine;

/// <summary>A load run: the warm-up (null when there was none) and the measured phase, kept apart.</summary>
public sealed record LoadRunResult(WarmupResult? Warmup, PhaseResult Measured, int ConnectionsOpened);
