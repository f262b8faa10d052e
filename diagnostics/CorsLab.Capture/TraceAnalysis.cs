using CorsLab.Load.Capture;
using CorsLab.Results;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Etlx;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace CorsLab.Capture;

/// <summary>
/// Reads a <c>.nettrace</c> with TraceEvent and counts, over the measured phase only (event time stamps against the
/// window, one monotonic clock), what the target's process did: name lookups, handshakes, connects, allocation, GCs
/// and their pauses, thread-pool adjustments, lock contention, exceptions, and its managed CPU samples by method.
/// The trace is converted to an .etlx first because stacks and method names (from the rundown and JIT events) are
/// resolved there.
/// </summary>
internal static class TraceAnalysis
{
    /// <summary>How many methods the summary keeps, by exclusive and by inclusive samples.</summary>
    public const int TopMethods = 20;

    /// <summary>SampleProfiler's payload: the sampled thread was running managed code (1 is "in native code", mostly waiting).</summary>
    private const int ManagedSample = 2;

    /// <summary>
    /// The adjustment reason the runtime (.NET 6+) gives when a pool thread blocks on a task (Wait, Result,
    /// GetAwaiter().GetResult()) and the pool adds a thread in its place; TraceEvent's enum stops at ThreadTimedOut.
    /// </summary>
    private const int CooperativeBlocking = 8;

    public static TraceResult Analyze(string nettrace, CaptureWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        var etlx = Path.Combine(Path.GetTempPath(), $"corslab-{Guid.NewGuid():N}.etlx");
        try
        {
            TraceLog.CreateFromEventPipeDataFile(nettrace, etlx);
            using var log = new TraceLog(etlx);
            return Count(log, window);
        }
        finally
        {
            File.Delete(etlx);
        }
    }

    private static TraceResult Count(TraceLog log, CaptureWindow window)
    {
        var counts = new Counts();
        double? suspendedAt = null;
        foreach (var data in log.Events)
        {
            var at = data.TimeStampRelativeMSec;
            if (!Within(data, window))
            {
                continue;
            }

            counts.Events++;
            switch (data)
            {
                case GCAllocationTickTraceData tick:
                    counts.AllocationTicks++;
                    counts.AllocatedBytes += tick.AllocationAmount64;
                    break;
                case GCStartTraceData start:
                    counts.Collections[Math.Clamp(start.Depth, 0, 2)]++;
                    break;
                // Only suspensions for a GC: the runtime also suspends for tiering, rejit and the session's own rundown.
                case GCSuspendEETraceData suspend when suspend.Reason is GCSuspendEEReason.SuspendForGC or GCSuspendEEReason.SuspendForGCPrep:
                    suspendedAt = at;
                    break;
                case GCNoUserDataTraceData when data.EventName.StartsWith("GC/RestartEEStop", StringComparison.Ordinal) && suspendedAt is { } suspended:
                    counts.PauseMs += at - suspended;
                    suspendedAt = null;
                    break;
                case ThreadPoolWorkerThreadAdjustmentTraceData adjustment:
                    counts.Adjustments++;
                    counts.Starvations += adjustment.Reason == ThreadAdjustmentReason.Starvation ? 1 : 0;
                    counts.Blocking += (int)adjustment.Reason == CooperativeBlocking ? 1 : 0;
                    Increment(counts.Reasons, ReasonName(adjustment.Reason));
                    counts.ThreadsFirst ??= (int)adjustment.NewWorkerThreadCount;
                    counts.ThreadsMax = Math.Max(counts.ThreadsMax ?? 0, (int)adjustment.NewWorkerThreadCount);
                    break;
                case ContentionStartTraceData:
                    counts.Contentions++;
                    break;
                case ContentionStopTraceData stop:
                    counts.ContentionNs += stop.DurationNs;
                    break;
                case ExceptionTraceData:
                    counts.Exceptions++;
                    break;
                default:
                    CountByName(data, counts);
                    break;
            }
        }

        var summary = new CaptureSummary
        {
            TraceFile = "",
            Requests = window.Requests,
            WindowSeconds = (window.EndTimestamp - window.StartTimestamp) / (double)System.Diagnostics.Stopwatch.Frequency,
            UpstreamHost = window.UpstreamHost,
            BytesTransferred = window.BytesTransferred,
            Events = counts.Events,
            DnsResolutions = counts.Resolutions,
            TlsHandshakes = counts.Handshakes,
            HttpConnectionsOpened = counts.HttpConnections,
            SocketConnects = counts.SocketConnects,
            AllocatedBytesSampled = counts.AllocatedBytes,
            AllocationTicks = counts.AllocationTicks,
            Gen0Collections = counts.Collections[0],
            Gen1Collections = counts.Collections[1],
            Gen2Collections = counts.Collections[2],
            GcPauseMilliseconds = counts.PauseMs,
            ThreadPoolAdjustments = counts.Adjustments,
            StarvationAdjustments = counts.Starvations,
            BlockingAdjustments = counts.Blocking,
            AdjustmentReasons = counts.Reasons,
            WorkerThreadsFirst = counts.ThreadsFirst,
            WorkerThreadsMax = counts.ThreadsMax,
            LockContentions = counts.Contentions,
            LockContentionMilliseconds = counts.ContentionNs / 1e6,
            Exceptions = counts.Exceptions,
            CpuSamples = counts.Samples,
            TopExclusive = Top(counts.Exclusive, counts.Samples),
            TopInclusive = Top(counts.Inclusive, counts.Samples),
        };
        return new TraceResult(summary, [.. counts.Stacks.Values]);
    }

    /// <summary>
    /// EventPipe stamps events with the clock Stopwatch reads (CLOCK_MONOTONIC on Linux, QPC on Windows), shared by every
    /// process on the host, so the load client's phase bounds compare with them directly. TraceEvent discourages the raw
    /// stamp because ETW sessions may use another clock; an EventPipe trace does not.
    /// </summary>
#pragma warning disable CS0618
    private static bool Within(TraceEvent data, CaptureWindow window) => data.TimeStampQPC >= window.StartTimestamp && data.TimeStampQPC <= window.EndTimestamp;
#pragma warning restore CS0618

    /// <summary>Events of EventSources (System.Net.*) come through the dynamic parser: matched by provider and name.</summary>
    private static void CountByName(TraceEvent data, Counts counts)
    {
        switch (data.ProviderName)
        {
            case CaptureProviders.NameResolution when IsStart(data, "Resolution"):
                counts.Resolutions++;
                break;
            case CaptureProviders.Security when IsStart(data, "Handshake"):
                counts.Handshakes++;
                break;
            case CaptureProviders.Http when data.EventName.Contains("ConnectionEstablished", StringComparison.Ordinal):
                counts.HttpConnections++;
                break;
            case CaptureProviders.Sockets when IsStart(data, "Connect"):
                counts.SocketConnects++;
                break;
            case CaptureProviders.SampleProfiler:
                Sample(data, counts);
                break;
        }
    }

    /// <summary>An EventSource's Start event: named "XStart" or, as TraceEvent spells start opcodes, "X/Start".</summary>
    private static bool IsStart(TraceEvent data, string task) =>
        data.EventName == task + "Start" || data.EventName == task + "/Start" || (data.Opcode == TraceEventOpcode.Start && data.TaskName == task);

    private static void Sample(TraceEvent data, Counts counts)
    {
        var payload = data.EventData();
        if (payload.Length < 4 || BitConverter.ToInt32(payload, 0) != ManagedSample)
        {
            return;
        }

        var frames = new List<string>();
        for (var frame = data.CallStack(); frame is not null; frame = frame.Caller)
        {
            frames.Add(FrameName(frame.CodeAddress));
        }

        if (frames.Count == 0)
        {
            return;
        }

        counts.Samples++;
        Increment(counts.Exclusive, frames[0]);
        foreach (var method in frames.Distinct(StringComparer.Ordinal))
        {
            Increment(counts.Inclusive, method);
        }

        frames.Reverse();
        var key = string.Join('\n', frames);
        counts.Stacks[key] = counts.Stacks.TryGetValue(key, out var known) ? (known.Frames, known.Count + 1) : ([.. frames], 1);
    }

    /// <summary>The method's full name; native code (the runtime, libc), which the rundown cannot name, shows as its module or as native code.</summary>
    private static string FrameName(TraceCodeAddress address)
    {
        var method = address.FullMethodName;
        return string.IsNullOrEmpty(method) ? (string.IsNullOrEmpty(address.ModuleName) ? "[native code]" : $"[{address.ModuleName}]") : method;
    }

    private static string ReasonName(ThreadAdjustmentReason reason) =>
        (int)reason == CooperativeBlocking ? "CooperativeBlocking" : reason.ToString();

    private static void Increment(Dictionary<string, long> counts, string method) =>
        counts[method] = counts.GetValueOrDefault(method) + 1;

    private static CaptureMethod[] Top(Dictionary<string, long> counts, long total) =>
        [.. counts.OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key, StringComparer.Ordinal).Take(TopMethods)
            .Select(pair => new CaptureMethod(pair.Key, pair.Value, total > 0 ? (double)pair.Value / total : 0))];

    private sealed class Counts
    {
        public long Events;
        public long Resolutions;
        public long Handshakes;
        public long HttpConnections;
        public long SocketConnects;
        public long AllocatedBytes;
        public long AllocationTicks;
        public readonly long[] Collections = new long[3];
        public double PauseMs;
        public long Adjustments;
        public long Starvations;
        public long Blocking;
        public readonly Dictionary<string, long> Reasons = new(StringComparer.Ordinal);
        public int? ThreadsFirst;
        public int? ThreadsMax;
        public long Contentions;
        public double ContentionNs;
        public long Exceptions;
        public long Samples;
        public readonly Dictionary<string, long> Exclusive = new(StringComparer.Ordinal);
        public readonly Dictionary<string, long> Inclusive = new(StringComparer.Ordinal);
        public readonly Dictionary<string, (string[] Frames, long Count)> Stacks = new(StringComparer.Ordinal);
    }
}
