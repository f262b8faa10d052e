using CorsLab.Results;

namespace CorsLab.Diagnostics.Findings;

/// <summary>
/// <c>gc-pressure</c>: the proxy allocates in proportion to the bytes it moves (a fresh buffer per chunk) and the GC
/// pays for it. Reads the capture's sampled allocation (GC AllocationTick, ~100 KB a tick) per request against the
/// bytes each request moved, after a fixed per-request allowance, and the share of the phase the GC held threads paused.
/// </summary>
public sealed class GcPressureRule : IFindingRule
{
    public const string FindingId = "gc-pressure";

    /// <summary>
    /// What a framework may allocate per request whatever its size (the request's objects, headers, async state):
    /// Kestrel + HttpClient stacks allocate about 5–6 KB for a small GET; 16 KB leaves room for any .NET stack.
    /// </summary>
    public const double AllowanceBytesPerRequest = 16 * 1024;

    /// <summary>
    /// The per-byte test needs bodies at least as large as the allowance: on a 1 KB GET what a request allocates is its
    /// per-request cost (a new connection's buffers under connection churn, say), which bytes moved cannot measure.
    /// </summary>
    public const double MinBytesPerRequest = AllowanceBytesPerRequest;

    /// <summary>Below this many allocation ticks the sampled total is too coarse (±100 KB a tick) to divide.</summary>
    public const long MinTicks = 10;

    /// <summary>Half a byte allocated for each byte moved, beyond the allowance: a streaming copy through pooled buffers allocates nothing per byte, so this is a copy through fresh buffers.</summary>
    public const double WarnAllocatedPerByte = 0.5;

    /// <summary>A byte allocated per byte moved or more: every chunk in a new array.</summary>
    public const double CriticalAllocatedPerByte = 1.0;

    /// <summary>A tenth of the time paused for GC is a cost whatever allocates: requests in flight wait it out.</summary>
    public const double WarnPausedFraction = 0.10;

    public const double CriticalPausedFraction = 0.25;

    public string Id => FindingId;

    public bool NeedsCapture => true;

    public IReadOnlyList<string> Scenarios { get; } = [ScenarioNames.NamedGet, ScenarioNames.MediumGet, ScenarioNames.LargeDownload, ScenarioNames.SmallGet, ScenarioNames.Reuse];

    public Finding? Evaluate(TargetEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        if (CaptureEvidence.First(evidence, Scenarios) is not ({ } measured, { } capture))
        {
            return null;
        }

        var allocatedPerRequest = capture.PerRequest(capture.AllocatedBytesSampled);
        var movedPerRequest = capture.PerRequest(capture.BytesTransferred);
        var perByte = capture.AllocationTicks >= MinTicks && movedPerRequest >= MinBytesPerRequest ? Math.Max(0, allocatedPerRequest - AllowanceBytesPerRequest) / movedPerRequest : 0;
        var paused = capture.PausedFraction;
        var severity = perByte >= CriticalAllocatedPerByte || paused >= CriticalPausedFraction ? FindingSeverity.Critical
            : perByte >= WarnAllocatedPerByte || paused >= WarnPausedFraction ? FindingSeverity.Warn
            : (FindingSeverity?)null;
        if (severity is null)
        {
            return null;
        }

        var facts = CaptureEvidence.Facts(measured, capture);
        facts["allocatedBytesPerRequest"] = Evidence.Number(Math.Round(allocatedPerRequest));
        facts["bytesMovedPerRequest"] = Evidence.Number(Math.Round(movedPerRequest));
        facts["allocatedPerByteMoved"] = Evidence.Number(perByte);
        facts["allocationTicks"] = Evidence.Count(capture.AllocationTicks);
        facts["gcPausedShare"] = Evidence.Percent(paused);
        facts["gen0PerRequest"] = Evidence.Number(capture.PerRequest(capture.Gen0Collections));
        facts["gcs"] = Evidence.Invariant($"{capture.Gen0Collections}/{capture.Gen1Collections}/{capture.Gen2Collections}");
        return new Finding(
            FindingId,
            severity.Value,
            Evidence.Invariant(
                $"On {measured.Scenario}, the proxy's process allocated ~{Evidence.Number(Math.Round(allocatedPerRequest / 1024, 1))} KB per request (sampled) for {Evidence.Number(Math.Round(movedPerRequest / 1024, 1))} KB moved ({Evidence.Number(perByte)} bytes per byte beyond a {AllowanceBytesPerRequest / 1024:0} KB allowance), {capture.Gen0Collections} gen0 / {capture.Gen1Collections} gen1 / {capture.Gen2Collections} gen2 GCs, {Evidence.Percent(paused)} of the time paused."),
            facts,
            "Copy bodies through pooled buffers (ArrayPool<byte>.Shared, PipeReader/PipeWriter, Stream.CopyToAsync with one rented buffer) instead of a new array per chunk; look at the allocation ticks' types in the .nettrace (PerfView, dotnet-trace's GC heap views).");
    }
}
