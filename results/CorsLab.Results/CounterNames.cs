namespace CorsLab.Results;

/// <summary>
/// The exported metrics the report reads from <see cref="ScenarioMeasurement.Counters"/>: the runtime's (meter
/// <c>System.Runtime</c>, .NET 9 and later), Kestrel's, HttpClient's and the engines' own, named as the OpenTelemetry
/// semantic conventions name them. Every other exported metric is kept in run.json too.
/// </summary>
public static class CounterNames
{
    public const string CpuTime = "dotnet.process.cpu.time";
    public const string WorkingSet = "dotnet.process.memory.working_set";
    public const string Allocated = "dotnet.gc.heap.total_allocated";
    public const string Collections = "dotnet.gc.collections";
    public const string GcPauseTime = "dotnet.gc.pause.time";
    public const string ThreadPoolThreads = "dotnet.thread_pool.thread.count";
    public const string ThreadPoolQueue = "dotnet.thread_pool.queue.length";
    public const string LockContentions = "dotnet.monitor.lock_contentions";
    public const string KestrelConnections = "kestrel.active_connections";
    public const string ClientOpenConnections = "http.client.open_connections";

    /// <summary>The engines' counter of requests handed to the forwarder.</summary>
    public const string Forwarded = "corslab.proxy.forwarded";
}
