using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;

namespace CorsLab.Capture;

/// <summary>The EventPipe providers a capture asks for: the runtime's own events and the networking stack's.</summary>
internal static class CaptureProviders
{
    public const string Runtime = "Microsoft-Windows-DotNETRuntime";
    public const string SampleProfiler = "Microsoft-DotNETCore-SampleProfiler";
    public const string NameResolution = "System.Net.NameResolution";
    public const string Security = "System.Net.Security";
    public const string Http = "System.Net.Http";
    public const string Sockets = "System.Net.Sockets";
    public const string Kestrel = "Microsoft-AspNetCore-Server-Kestrel";
    public const string Yarp = "Yarp.ReverseProxy";
    public const string SystemRuntime = "System.Runtime";

    // ClrTraceEventParser.Keywords values, spelled out so this file reads without TraceEvent.
    private const long GcKeyword = 0x1;
    private const long ContentionKeyword = 0x4000;
    private const long ThreadingKeyword = 0x10000;
    private const long ExceptionKeyword = 0x8000;
    private const long LoaderKeyword = 0x8;
    private const long JitKeyword = 0x10;

    /// <summary>EventCounters every second: the counters' time series land in the .nettrace for tools that chart them.</summary>
    private static readonly Dictionary<string, string> Counters = new() { ["EventCounterIntervalSec"] = "1" };

    /// <summary>
    /// GC at Verbose (AllocationTick, every ~100 KB), contention, thread pool, exceptions; loader and JIT so method names
    /// of code jitted during the capture resolve (the rundown names the rest).
    /// </summary>
    public static IReadOnlyList<EventPipeProvider> For(bool cpuSampling)
    {
        var providers = new List<EventPipeProvider>
        {
            new(Runtime, EventLevel.Verbose, GcKeyword | ContentionKeyword | ThreadingKeyword | ExceptionKeyword | LoaderKeyword | JitKeyword),
            new(NameResolution, EventLevel.Informational, -1, Counters),
            new(Security, EventLevel.Informational, -1, Counters),
            new(Http, EventLevel.Informational, -1, Counters),
            new(Sockets, EventLevel.Informational, -1, Counters),
            new(Kestrel, EventLevel.Informational, -1, Counters),
            new(Yarp, EventLevel.Informational, -1, Counters),
            new(SystemRuntime, EventLevel.Informational, -1, Counters),
        };
        if (cpuSampling)
        {
            providers.Add(new EventPipeProvider(SampleProfiler, EventLevel.Informational));
        }

        return providers;
    }
}
