namespace CorsLab.Components;

/// <summary>Starts the lab's components as child processes, configured the way the spec and the measurements expect.</summary>
public static class LabComponents
{
    /// <summary>Engines under test answer a slow head with 504 after this; the spec's slow head waits longer.</summary>
    public const string SpecUpstreamTimeout = "2s";

    /// <summary>A loopback address engines are told to deny, so the policy is exercised without leaving the host.</summary>
    public const string SpecDeniedTarget = "127.0.0.2";

    /// <summary>
    /// Split off the lab, the origin shares its CPUs with the engines, and a thread-pool worker that spins for work
    /// after answering holds the core the engine needs next: its own CPU per request, which every CPU ratio is
    /// divided by, then moves with how long the engine takes to come back. Without the spin it only sleeps.
    /// </summary>
    private static readonly Dictionary<string, string> SharedCoreOrigin = new() { ["DOTNET_ThreadPool_UnfairSemaphoreSpinLimit"] = "0" };

    /// <param name="cpus">Where the origin runs; given, it runs without the thread pool's spin (<see cref="SharedCoreOrigin"/>).</param>
    /// <param name="originPort">The plain-text listener's port; null picks a free one.</param>
    public static async Task<OriginProcess> StartOriginAsync(CancellationToken cancellationToken, CpuSplit? cpus = null, int? originPort = null)
    {
        var certificate = Path.Combine(Path.GetTempPath(), $"corslab-origin-{Environment.ProcessId}-{Guid.NewGuid():N}.pem");
        var process = await ComponentProcess.StartAsync(
            "origin",
            ["origin", "--urls", $"http://127.0.0.1:{originPort ?? 0}", "--https-urls", "https://127.0.0.1:0", "--page-urls", "http://127.0.0.1:0", "--cert-out", certificate],
            cancellationToken,
            cpus,
            environment: cpus is null ? null : SharedCoreOrigin);
        return new OriginProcess(process, new Uri(process.Ready["http"]), new Uri(process.Ready["https"]), new Uri(process.Ready["page"]), process.Ready["cert"]);
    }

    /// <param name="tracing">Flags and variables that make the engine export its traces (<see cref="EngineTracing"/>); null: none.</param>
    /// <param name="environment">More variables for the engine's runtime (e.g. its socket completion mode).</param>
    public static async Task<EngineProcess> StartEngineAsync(
        string engine, OriginProcess origin, IEnumerable<string> faults, CancellationToken cancellationToken, CpuSplit? cpus = null, EngineTracing? tracing = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        List<string> arguments =
        [
            "proxy", "--engine", engine, "--urls", "http://127.0.0.1:0",
            "--upstream-ca", origin.CertificatePath,
            "--upstream-timeout", SpecUpstreamTimeout,
            "--deny-target", SpecDeniedTarget,
        ];
        foreach (var fault in faults)
        {
            arguments.AddRange(["--fault", fault]);
        }

        arguments.AddRange(tracing?.Arguments ?? []);
        var variables = (tracing?.Environment ?? new Dictionary<string, string>()).Concat(environment ?? new Dictionary<string, string>()).ToDictionary();
        var process = await ComponentProcess.StartAsync(engine, arguments, cancellationToken, cpus, environment: variables);
        return new EngineProcess(engine, process, new Uri(process.Ready["url"]));
    }
}

/// <summary>A running origin child: its URLs (the page listener's for the browser suite) and the PEM of its https certificate.</summary>
public sealed record OriginProcess(ComponentProcess Process, Uri HttpUrl, Uri HttpsUrl, Uri PageUrl, string CertificatePath) : IAsyncDisposable
{
    public async ValueTask DisposeAsync()
    {
        await Process.DisposeAsync();
        File.Delete(CertificatePath);
    }
}

/// <summary>A running engine child and the URL template that reaches the origin through it.</summary>
public sealed record EngineProcess(string Engine, ComponentProcess Process, Uri Url) : IAsyncDisposable
{
    public string TargetTemplate => $"{Url.GetLeftPart(UriPartial.Authority)}/?url={{url}}";

    public ValueTask DisposeAsync() => Process.DisposeAsync();
}
