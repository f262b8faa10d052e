using CorsLab.Load.Engine;

namespace CorsLab.Load.Duet;

/// <summary>One side of a duet: a name, the request that reaches the origin through it, and its process when local (whose CPU is read).</summary>
public sealed record DuetTarget(string Name, RequestSpec Request, int? ProcessId = null);
