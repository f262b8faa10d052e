using CorsLab.Results;

namespace CorsLab.Diagnostics.Findings;

/// <summary>
/// <c>threadpool-starvation</c>: the thread pool's queued work stopped making progress and the runtime injected
/// threads to break the stall, the sign of threads blocked in synchronous waits (sync over async). Reads the
/// capture's ThreadPoolWorkerThreadAdjustment events with reason Starvation, and how far the worker count grew.
/// </summary>
public sealed class ThreadPoolStarvationRule : IFindingRule
{
    public const string FindingId = "threadpool-starvation";

    /// <summary>
    /// The runtime adds a thread for starvation only when queued work saw no completion for about half a second; one
    /// such injection in a warmed-up measured phase is the pool failing to keep up, not hill climbing's exploration
    /// (whose adjustments carry other reasons).
    /// </summary>
    public const long WarnStarvations = 1;

    /// <summary>Repeated injections: the blocking continues through the whole phase, each new thread blocked in turn.</summary>
    public const long CriticalStarvations = 3;

    public string Id => FindingId;

    public bool NeedsCapture => true;

    public IReadOnlyList<string> Scenarios { get; } = [ScenarioNames.NamedGet, ScenarioNames.PoolProbe, ScenarioNames.SmallGet, ScenarioNames.SlowUpstream, ScenarioNames.Reuse];

    public Finding? Evaluate(TargetEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        if (CaptureEvidence.First(evidence, Scenarios, capture => capture.StarvationAdjustments >= WarnStarvations, minRequests: 1) is not ({ } measured, { } capture))
        {
            return null;
        }

        var facts = CaptureEvidence.Facts(measured, capture);
        facts["starvationAdjustments"] = Evidence.Count(capture.StarvationAdjustments);
        facts["starvationAdjustmentsPerRequest"] = Evidence.Number(capture.PerRequest(capture.StarvationAdjustments));
        facts["threadPoolAdjustments"] = Evidence.Count(capture.ThreadPoolAdjustments);
        var growth = "";
        if (capture is { WorkerThreadsFirst: { } first, WorkerThreadsMax: { } max })
        {
            facts["workerThreads.first"] = Evidence.Count(first);
            facts["workerThreads.max"] = Evidence.Count(max);
            growth = Evidence.Invariant($"; worker threads went from {first} to {max}");
        }

        return new Finding(
            FindingId,
            capture.StarvationAdjustments >= CriticalStarvations ? FindingSeverity.Critical : FindingSeverity.Warn,
            Evidence.Invariant(
                $"On {measured.Scenario} ({capture.Requests} requests in {Evidence.Number(capture.WindowSeconds)} s), the thread pool injected {capture.StarvationAdjustments} threads for starvation{growth}: queued work waited while pool threads were blocked."),
            facts,
            "Find the synchronous wait on a pool thread (.Result, .Wait(), GetAwaiter().GetResult(), a blocking socket or file call, a lock held across I/O) and make that path async end to end; raising ThreadPool.SetMinThreads only hides it.");
    }
}
