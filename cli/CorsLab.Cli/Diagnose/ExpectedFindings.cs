using CorsLab.Diagnostics.Findings;
using CorsLab.Proxies.Core.Faults;

namespace CorsLab.Cli.Diagnose;

/// <summary>
/// The lab's knowledge of what each fault must look like: the finding the self-check expects when an engine runs
/// with it. Engines know fault names only; rules know findings only; this map joins the two.
/// </summary>
internal static class ExpectedFindings
{
    /// <summary>The faults the black-box rules must name, with their findings; the others need EventPipe evidence.</summary>
    public static IReadOnlyList<(Fault Fault, string Finding)> BlackBox { get; } =
    [
        (Fault.BufferResponse, ResponseBufferingRule.FindingId),
        (Fault.BufferRequest, RequestBufferingRule.FindingId),
        (Fault.Nagle, NagleDelayRule.FindingId),
        (Fault.NoPooling, ConnectionChurnRule.FindingId),
    ];
}
