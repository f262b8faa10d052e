namespace CorsLab.Results;

/// <summary>A method's CPU samples in a capture, and their share of all samples.</summary>
public sealed record CaptureMethod(string Name, long Samples, double Share);
