namespace CorsLab.Results;

/// <summary>
/// What an EventPipe capture of the target process saw over one scenario's measured phase (white-box evidence): counts
/// of the runtime's and the networking stack's own events, to be divided by <see cref="Requests"/>. Absent (null on
/// <see cref="ScenarioMeasurement.Capture"/>) when nothing was captured: an external target without a pid, direct, or
/// <c>--no-capture</c>.
/// </summary>
public sealed record CaptureSummary
{
    /// <summary>The <c>.nettrace</c> file, relative to the run folder (or the diagnosis folder).</summary>
    public required string TraceFile { get; init; }

    /// <summary>The speedscope flame graph (<c>.speedscope.json</c>) beside it; null when CPU sampling was off or saw nothing.</summary>
    public string? FlameGraphFile { get; init; }

    /// <summary>Requests the load client completed in the measured phase: the divisor of every "per request".</summary>
    public long Requests { get; init; }

    /// <summary>The measured phase's length; events outside it (warm-up, rundown) are not counted.</summary>
    public double WindowSeconds { get; init; }

    /// <summary>The upstream host the requests named (<c>localhost</c>, <c>127.0.0.1</c>): a name can be resolved, an address cannot.</summary>
    public string? UpstreamHost { get; init; }

    /// <summary>Client-facing bytes over the phase (sent + received by the load client), against which allocation is judged.</summary>
    public long BytesTransferred { get; init; }

    /// <summary>Events in the window, all providers: zero means the session saw nothing (a wrong process, a closed pipe).</summary>
    public long Events { get; init; }

    /// <summary><c>System.Net.NameResolution</c> ResolutionStart.</summary>
    public long DnsResolutions { get; init; }

    /// <summary><c>System.Net.Security</c> HandshakeStart.</summary>
    public long TlsHandshakes { get; init; }

    /// <summary><c>System.Net.Http</c> ConnectionEstablished: connections HttpClient (or YARP over it) opened.</summary>
    public long HttpConnectionsOpened { get; init; }

    /// <summary><c>System.Net.Sockets</c> ConnectStart: every outgoing socket connect, whatever the client library.</summary>
    public long SocketConnects { get; init; }

    /// <summary>Sum of GC AllocationTick amounts: the runtime samples one event per ~100 KB allocated, so this is an estimate good to ~100 KB × ticks^½.</summary>
    public long AllocatedBytesSampled { get; init; }

    public long AllocationTicks { get; init; }

    public long Gen0Collections { get; init; }

    public long Gen1Collections { get; init; }

    public long Gen2Collections { get; init; }

    /// <summary>Time the runtime held threads suspended for GCs (SuspendEE start to RestartEE end), milliseconds.</summary>
    public double GcPauseMilliseconds { get; init; }

    /// <summary>ThreadPoolWorkerThreadAdjustment events: the thread count changed (hill climbing, starvation, …).</summary>
    public long ThreadPoolAdjustments { get; init; }

    /// <summary>Adjustments with reason Starvation: queued work made no progress and the pool injected a thread.</summary>
    public long StarvationAdjustments { get; init; }

    /// <summary>Adjustments with reason CooperativeBlocking: a pool thread blocked on a task (sync over async) and the pool added one in its place.</summary>
    public long BlockingAdjustments { get; init; }

    /// <summary>Every adjustment by the runtime's reason (Warmup, ClimbingMove, Starvation, CooperativeBlocking, …).</summary>
    public IReadOnlyDictionary<string, long> AdjustmentReasons { get; init; } = new Dictionary<string, long>();

    /// <summary>Worker threads at the first and the largest adjustment of the window; null when the pool did not adjust.</summary>
    public int? WorkerThreadsFirst { get; init; }

    public int? WorkerThreadsMax { get; init; }

    /// <summary>Runtime ContentionStart: a thread found a lock taken and had to wait (spinning did not get it).</summary>
    public long LockContentions { get; init; }

    /// <summary>Time spent in those waits (ContentionStop's duration), milliseconds; null before .NET 8's payload.</summary>
    public double? LockContentionMilliseconds { get; init; }

    public long Exceptions { get; init; }

    /// <summary>CPU samples taken while a thread ran managed code (SampleProfiler); 0 when sampling was off.</summary>
    public long CpuSamples { get; init; }

    /// <summary>The 20 methods with most samples at the top of the stack.</summary>
    public IReadOnlyList<CaptureMethod> TopExclusive { get; init; } = [];

    /// <summary>The 20 methods with most samples anywhere on the stack.</summary>
    public IReadOnlyList<CaptureMethod> TopInclusive { get; init; } = [];

    /// <summary><paramref name="count"/> divided by the requests of the phase (0 when there were none).</summary>
    public double PerRequest(double count) => Requests > 0 ? count / Requests : 0;

    /// <summary>GC pause as a share of the window.</summary>
    public double PausedFraction => WindowSeconds > 0 ? GcPauseMilliseconds / 1000 / WindowSeconds : 0;
}
