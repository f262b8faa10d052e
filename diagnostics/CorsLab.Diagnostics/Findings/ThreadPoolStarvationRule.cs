using CorsLab.Results;

namespace CorsLab.Diagnostics.Findings;

/// <summary>
/// <c>threadpool-starvation</c>: pool threads blocked in synchronous waits (sync over async) and the runtime injected
/// threads to keep queued work moving. Reads the capture's ThreadPoolWorkerThreadAdjustment events whose reason is
/// Starvation (queued work saw no progress) or CooperativeBlocking (a pool thread blocked on a task, .NET 6+), and how
/// far the worker count grew. When the engine exported its runtime counters (traced runs), the finding adds how deep the
/// pool's queue got: work items waiting for a thread, the starvation itself, seen each second from inside.
/// </summary>
public sealed class ThreadPoolStarvationRule : IFindingRule
{
    public const string FindingId = "threadpool-starvation";

    /// <summary>
    /// The runtime adds a thread for these two reasons only when queued work saw no completion for about half a second,
    /// or when a pool thread blocked on a task; one such injection in a warmed-up measured phase is threads being held,
    /// not hill climbing's exploration (whose adjustments carry other reasons).
    /// </summary>
    public const long WarnInjections = 1;

    /// <summary>Repeated injections: the blocking continues through the whole phase, each new thread blocked in turn.</summary>
    public const long CriticalInjections = 3;

    public string Id => FindingId;

    public bool NeedsCapture => true;

    public IReadOnlyList<string> Scenarios { get; } = [ScenarioNames.NamedGet, ScenarioNames.PoolProbe, ScenarioNames.SmallGet, ScenarioNames.SlowUpstream, ScenarioNames.Reuse];

    public Finding? Evaluate(TargetEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        if (CaptureEvidence.First(evidence, Scenarios, capture => Injections(capture) >= WarnInjections, minRequests: 1) is not ({ } measured, { } capture))
        {
            return null;
        }

        var facts = CaptureEvidence.Facts(measured, capture);
        var injections = Injections(capture);
        facts["starvationAdjustments"] = Evidence.Count(capture.StarvationAdjustments);
        facts["blockingAdjustments"] = Evidence.Count(capture.BlockingAdjustments);
        facts["injectionsPerRequest"] = Evidence.Number(capture.PerRequest(injections));
        facts["threadPoolAdjustments"] = Evidence.Count(capture.ThreadPoolAdjustments);
        var growth = "";
        if (capture is { WorkerThreadsFirst: { } first, WorkerThreadsMax: { } max })
        {
            facts["workerThreads.first"] = Evidence.Count(first);
            facts["workerThreads.max"] = Evidence.Count(max);
            growth = Evidence.Invariant($"; worker threads went from {first} to {max}");
        }

        var queue = "";
        if (measured.Counter(CounterNames.ThreadPoolQueue, CounterStatistics.Value)?.Peak() is { } queued)
        {
            facts["counters.threadPoolQueue.peak"] = Evidence.Number(queued);
            queue = Evidence.Invariant($" Its own counters: up to {queued:0} work items queued for a thread");
            if (measured.Counter(CounterNames.ThreadPoolThreads, CounterStatistics.Value)?.Peak() is { } threads)
            {
                facts["counters.threadPoolThreads.peak"] = Evidence.Number(threads);
                queue += Evidence.Invariant($", {threads:0} pool threads at most");
            }

            queue += ".";
        }

        return new Finding(
            FindingId,
            injections >= CriticalInjections ? FindingSeverity.Critical : FindingSeverity.Warn,
            Evidence.Invariant(
                $"On {measured.Scenario} ({capture.Requests} requests in {Evidence.Number(capture.WindowSeconds)} s), the thread pool injected {injections} threads ({capture.StarvationAdjustments} for starvation, {capture.BlockingAdjustments} for a thread blocked on a task; {Evidence.Number(capture.PerRequest(injections))} per request){growth}: queued work waited while pool threads were blocked.{queue}"),
            facts,
            "Find the synchronous wait on a pool thread (.Result, .Wait(), GetAwaiter().GetResult(), a blocking socket or file call, a lock held across I/O) and make that path async end to end; raising ThreadPool.SetMinThreads only hides it.");
    }

    private static long Injections(CaptureSummary capture) => capture.StarvationAdjustments + capture.BlockingAdjustments;
}
