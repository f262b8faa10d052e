using CorsLab.Diagnostics.Findings;
using CorsLab.Proxies.Core.Faults;

namespace CorsLab.Cli.Diagnose;

/// <summary>
/// The lab's knowledge of what each fault must look like: the finding the self-check expects when an engine runs
/// with it. Engines know fault names only; rules know findings only; this map joins the two.
/// </summary>
internal static class ExpectedFindings
{
    /// <summary>The pool size the self-check gives fault pool-limit: a quarter of the pool probe's 16 in flight.</summary>
    public const int SelfCheckPoolLimit = 4;

    /// <summary>
    /// The faults the black-box rules must name, as written on a command line, with their findings and the rule that
    /// names them; the white-box ones are <see cref="WhiteBox"/>, and no-timeout a probe too slow for the default self-check.
    /// </summary>
    public static IReadOnlyList<(string Fault, IFindingRule Rule)> BlackBox { get; } =
    [
        (FaultNames.NameOf(Fault.BufferResponse), new ResponseBufferingRule()),
        (FaultNames.NameOf(Fault.BufferRequest), new RequestBufferingRule()),
        (FaultNames.NameOf(Fault.Nagle), new NagleDelayRule()),
        (FaultNames.NameOf(Fault.NoPooling), new ConnectionChurnRule()),
        (FaultNames.NameOf(Fault.NagleAccepted), new NagleDelayRule()),
        (FaultNames.NameOf(Fault.RelayConnectionClose), new ClientConnectionChurnRule()),
        (FaultNames.NameOf(Fault.HoldContinue), new ExpectContinueDelayRule()),
        ($"{FaultNames.PoolLimit}={SelfCheckPoolLimit}", new ConnectionPoolLimitRule()),
        (FaultNames.NameOf(Fault.NoStaleCheck), new StaleUpstreamConnectionRule()),
    ];

    /// <summary>
    /// The faults the white-box rules must name from a capture of the engine's process. The self-check runs each on the
    /// engines that implement it (pipelines today; httpclient once it has them), so the matrix grows with the engines.
    /// </summary>
    public static IReadOnlyList<(string Fault, IFindingRule Rule)> WhiteBox { get; } =
    [
        (FaultNames.NameOf(Fault.DnsPerRequest), new DnsPerRequestRule()),
        (FaultNames.NameOf(Fault.SyncOverAsync), new ThreadPoolStarvationRule()),
        (FaultNames.NameOf(Fault.AllocPerChunk), new GcPressureRule()),
        (FaultNames.NameOf(Fault.GlobalLock), new LockContentionRule()),
    ];

    /// <summary>The faults only <c>--deep</c>'s slow probes show (a silent upstream, waited for 65 s).</summary>
    public static IReadOnlyList<(string Fault, IFindingRule Rule)> Deep { get; } =
    [
        (FaultNames.NameOf(Fault.NoTimeout), new MissingUpstreamTimeoutRule()),
    ];
}
