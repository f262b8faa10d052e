using CorsLab.Results;

namespace CorsLab.Cli.Bench;

/// <summary>A target of a bench run and, when the lab started it, its process (for CPU and memory).</summary>
internal sealed record BenchTarget(TargetInfo Info, int? ProcessId);
