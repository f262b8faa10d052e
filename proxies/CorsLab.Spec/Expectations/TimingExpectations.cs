namespace CorsLab.Spec;

// Judged on one clock: the client's Stopwatch.GetTimestamp() against the origin's timings for the
// case's x-corslab-id (same host, so the same monotonic clock). The runner adds the id itself.

/// <summary>The response streamed: the client read its first body byte before the origin sent its last.</summary>
public sealed record ExpectStreamed : SpecExpectation;

/// <summary>The request streamed: the origin read the first body byte before the client wrote its last.</summary>
public sealed record ExpectRequestStreamed : SpecExpectation;

/// <summary>
/// Reading the body fails (the connection is reset or closed mid-body) within <paramref name="Within"/> of the
/// response head: not a clean short body, not a hang. The status, whatever it is, is not judged.
/// </summary>
public sealed record ExpectAborted(TimeSpan Within) : SpecExpectation;
