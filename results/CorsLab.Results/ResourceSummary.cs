namespace CorsLab.Results;

/// <summary>A target process's CPU and memory over a phase, sampled from /proc.</summary>
public sealed record ResourceSummary(double CpuSeconds, long PeakWorkingSetBytes, long StartWorkingSetBytes);
