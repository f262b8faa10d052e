using CorsLab.Components;
using CorsLab.Load.Engine;
using CorsLab.Load.Scenarios;
using CorsLab.Results;

namespace CorsLab.Capture.Tests;

/// <summary>One scenario through a real engine child with an EventPipe capture of it, in a fresh temporary folder.</summary>
internal static class CapturedRun
{
    /// <summary>Bounded by count: 200 requests, 4 in flight, whatever the machine's speed.</summary>
    private static readonly LoadModel Model = new()
    {
        Kind = LoadModelKind.Concurrency, Concurrency = 4, Warmup = TimeSpan.FromSeconds(0.2), Duration = TimeSpan.FromSeconds(5), MaxRequests = 200,
    };

    public static async Task<(ScenarioMeasurement Measurement, string Folder)> RunAsync(string engine, string[] faults, string scenarioName, bool cpuSampling)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var folder = Directory.CreateTempSubdirectory("corslab-capture-").FullName;
        await using var origin = await LabComponents.StartOriginAsync(timeout.Token);
        await using var proxy = await LabComponents.StartEngineAsync(engine, origin, faults, timeout.Token);
        using var control = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var executor = new ScenarioExecutor(new OriginUrls(origin.HttpUrl, origin.HttpsUrl, new Uri("http://127.0.0.1:9/")), control)
        {
            Capture = new EventPipeCapture(new CaptureSettings(folder, cpuSampling)),
        };
        ScenarioCatalog.TryGet(scenarioName, out var scenario);
        var target = new TargetInfo(engine, TargetKinds.Engine, proxy.TargetTemplate, faults);
        var measurement = await executor.RunAsync(scenario, Model, target, 0, proxy.Process.ProcessId, null, timeout.Token);
        return (measurement, folder);
    }
}
