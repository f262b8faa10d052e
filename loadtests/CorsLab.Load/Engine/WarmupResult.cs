namespace CorsLab.Load.Engine;

/// <summary>
/// What the warm-up did before the measured phase: its requests (in no measured number), how long it took, and
/// whether it ended because the target was steady (<see cref="SteadyState"/>) or because its time bound ran out.
/// </summary>
public sealed record WarmupResult(long Requests, TimeSpan Elapsed, bool Steady, int Windows, string IdTag);
