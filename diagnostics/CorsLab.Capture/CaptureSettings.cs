namespace CorsLab.Capture;

/// <summary>Where captures go and what they record.</summary>
/// <param name="Folder">The run (or diagnosis) folder: each capture is <c>TARGET-SCENARIO.nettrace</c> there.</param>
/// <param name="CpuSampling">Sample managed stacks (SampleProfiler, ~1 kHz per thread) for the hot methods and the flame graph.</param>
public sealed record CaptureSettings(string Folder, bool CpuSampling);
