namespace CorsLab.Load.Capture;

/// <summary>
/// The measured phase as a capture needs it: its bounds on the <see cref="System.Diagnostics.Stopwatch"/> clock (one
/// monotonic clock for every process on the host, the one EventPipe stamps its events with), what it sent and received,
/// and the upstream host its requests named.
/// </summary>
public sealed record CaptureWindow(long StartTimestamp, long EndTimestamp, long Requests, long BytesTransferred, string? UpstreamHost);
