using CorsLab.Results;

namespace CorsLab.Diagnostics.Findings;

/// <summary>
/// <c>lock-contention</c>: requests queue on a lock. Reads the capture's runtime ContentionStart count (a thread found a
/// Monitor/Lock taken and spinning did not get it) per request, and the time those waits took as a share of the phase,
/// on the captured scenario where contentions per request are highest (a lock on the copy path is taken per piece, so
/// large bodies show it most).
/// </summary>
public sealed class LockContentionRule : IFindingRule
{
    public const string FindingId = "lock-contention";

    /// <summary>One contended acquisition for every ten requests: the runtime's and the libraries' own locks (pool,
    /// timers, connection pools) contend now and then, far less often than that under a moderate load.</summary>
    public const double WarnPerRequest = 0.1;

    /// <summary>A contention for every request or more: the lock is on the request path itself.</summary>
    public const double CriticalPerRequest = 1.0;

    /// <summary>Waits adding up to 1 % of the phase (summed over threads): short enough contentions cost nothing, and then the count alone is no finding.</summary>
    public const double MinWaitShare = 0.01;

    /// <summary>A 10 MB download measures a few dozen requests in a quick phase; a tenth per request is still a few events.</summary>
    public const long MinRequests = 20;

    public string Id => FindingId;

    public bool NeedsCapture => true;

    public IReadOnlyList<string> Scenarios { get; } = [ScenarioNames.NamedGet, ScenarioNames.MediumGet, ScenarioNames.SmallGet, ScenarioNames.LargeDownload, ScenarioNames.Drip];

    public Finding? Evaluate(TargetEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        if (CaptureEvidence.Worst(evidence, Scenarios, capture => capture.PerRequest(capture.LockContentions), MinRequests) is not ({ } measured, { } capture))
        {
            return null;
        }

        var perRequest = capture.PerRequest(capture.LockContentions);
        var waitShare = capture.LockContentionMilliseconds is { } waitedMs && capture.WindowSeconds > 0 ? waitedMs / 1000 / capture.WindowSeconds : (double?)null;
        if (perRequest < WarnPerRequest || waitShare < MinWaitShare)
        {
            return null;
        }

        var facts = CaptureEvidence.Facts(measured, capture);
        facts["lockContentions"] = Evidence.Count(capture.LockContentions);
        facts["lockContentionsPerRequest"] = Evidence.Number(perRequest);
        var waited = "";
        if (waitShare is { } share)
        {
            facts["lockWaitMs"] = Evidence.Number(Math.Round(capture.LockContentionMilliseconds!.Value, 2));
            facts["lockWaitShare"] = Evidence.Percent(share);
            waited = Evidence.Invariant($", waiting {Evidence.Number(Math.Round(capture.LockContentionMilliseconds.Value, 1))} ms in all ({Evidence.Percent(share)} of the phase)");
        }

        return new Finding(
            FindingId,
            perRequest >= CriticalPerRequest ? FindingSeverity.Critical : FindingSeverity.Warn,
            Evidence.Invariant($"On {measured.Scenario}, threads of the proxy's process waited on a taken lock {capture.LockContentions} times for {capture.Requests} requests ({Evidence.Number(perRequest)} per request){waited}: requests serialise on it."),
            facts,
            "Find the lock on the request path (the contention events' stacks in the .nettrace show where) and remove the sharing: per-connection state, lock-free structures, or a narrower lock never held across a write or I/O.");
    }
}
