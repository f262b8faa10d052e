namespace CorsLab.Spec;

/// <summary>Whether a target answers HTTP at all; <paramref name="Message"/> is one line for the user.</summary>
public sealed record SpecProbeResult(bool Reachable, string Message);
