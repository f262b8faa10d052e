using CorsLab.Results;

namespace CorsLab.Capture;

/// <summary>A trace's counts, and its distinct managed stacks (root first) with their sample counts for the flame graph.</summary>
internal sealed record TraceResult(CaptureSummary Summary, IReadOnlyList<(string[] Frames, long Count)> Stacks);
