using CorsLab.Load.Engine;

namespace CorsLab.Load.Duet;

/// <summary>One side of a duet: a name and the request that reaches the origin through it.</summary>
public sealed record DuetTarget(string Name, RequestSpec Request);
