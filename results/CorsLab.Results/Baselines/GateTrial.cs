namespace CorsLab.Results.Baselines;

/// <summary>
/// One duet trial of one target, every figure taken relative to <c>direct</c> measured in the same trial, batch by
/// batch, so machine speed cancels out of it: what the proxy adds at p50 (µs), its p99 over direct's, its requests/s
/// one at a time as a fraction of direct's, and the share of its requests that failed.
/// </summary>
/// <param name="P99ToDirect">
/// A ratio, not what the proxy adds: a p99 of a few thousand requests on a shared machine is its worst hiccup, and
/// when direct's trial met one the difference fell to zero or below, so a ratio of differences had no bound (seen at
/// 3.3, interval up to infinity, with nothing changed). Null in baselines written before it was measured.
/// </param>
/// <param name="Late">The machine was too busy in this trial (the load client's turnaround, or direct's own p50, over the gate's bounds): its figures measure the lab.</param>
/// <param name="CpuToOrigin">
/// The proxy's CPU per request over the origin's in the same trial (the origin answers every target's requests): the
/// cost a build adds in work rather than time, relative to a process that did not change. Null when the proxy or the
/// origin had no process to read (a gateway given as a URL without its pid; baselines written before it was measured).
/// </param>
/// <param name="OriginCpuMicros">
/// The origin's CPU per request (µs) in the trial: the speed of the machine, read from a process that does not change
/// between builds, so a baseline is judged only on a machine running at the speed it was recorded at.
/// </param>
/// <param name="Run">
/// Which of a baseline's runs (fresh origin and candidate processes each) the trial belongs to: runs a minute apart
/// differ by more than trials within one (the proxy's added p50 read 21–50 µs over eight unchanged runs), so a
/// baseline of several runs is judged by its spread between runs. 0 in a judgement's own run and in older baselines.
/// </param>
public sealed record GateTrial(
    int Repeat,
    double P50OverDirectMicros,
    double? P99ToDirect,
    double RequestsPerSecondToDirect,
    double FailedShare,
    bool Late,
    double? CpuToOrigin = null,
    double? OriginCpuMicros = null,
    int Run = 0);
