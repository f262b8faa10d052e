using CorsLab.Results;
using Microsoft.Diagnostics.Tracing;

namespace CorsLab.Capture.Tests;

[Collection(EndToEnd.Name)]
public sealed class EventPipeCaptureTests
{
    [Fact]
    public async Task CaptureOfAPipelinesChild_WritesANettraceThatTraceEventParses_WithItsRequestsEvents()
    {
        var (measurement, folder) = await CapturedRun.RunAsync("pipelines", [], ScenarioNames.NamedGet, cpuSampling: false);
        try
        {
            var capture = measurement.Capture;
            Assert.NotNull(capture);
            Assert.Equal(measurement.Requests, capture.Requests);
            Assert.True(capture.Events > 0, "no event in the measured phase");
            var trace = Path.Combine(folder, capture.TraceFile);
            Assert.Equal("pipelines-named-get.nettrace", capture.TraceFile);

            // Parsed again independently: the upstream connects and their name lookup (the DNS cache's first miss) are in the file.
            var networking = 0;
            using (var source = new EventPipeEventSource(trace))
            {
                source.Dynamic.All += data => networking += data.ProviderName is CaptureProviders.Sockets or CaptureProviders.NameResolution ? 1 : 0;
                source.Process();
            }

            Assert.True(networking > 0, "no System.Net.Sockets or NameResolution event in the trace");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task DnsPerRequestFault_ShowsAResolutionPerRequest_WhileCleanPipelinesResolvesNone()
    {
        var (faulty, faultyFolder) = await CapturedRun.RunAsync("pipelines", ["dns-per-request"], ScenarioNames.NamedGet, cpuSampling: false);
        var (clean, cleanFolder) = await CapturedRun.RunAsync("pipelines", [], ScenarioNames.NamedGet, cpuSampling: false);
        try
        {
            Assert.Equal("localhost", faulty.Capture!.UpstreamHost);
            Assert.True(faulty.Capture.DnsResolutions >= faulty.Capture.Requests * 9 / 10, $"{faulty.Capture.DnsResolutions} resolutions for {faulty.Capture.Requests} requests");
            Assert.True(clean.Capture!.DnsResolutions <= clean.Capture.Requests / 10, $"{clean.Capture.DnsResolutions} resolutions for {clean.Capture.Requests} requests");
        }
        finally
        {
            Directory.Delete(faultyFolder, recursive: true);
            Directory.Delete(cleanFolder, recursive: true);
        }
    }

    [Fact]
    public async Task CpuSampledCapture_WritesASpeedscopeFileOfTheSchemasShape_WithJittedMethodsNamed()
    {
        var (measurement, folder) = await CapturedRun.RunAsync("pipelines", [], ScenarioNames.NamedGet, cpuSampling: true);
        try
        {
            var capture = measurement.Capture!;
            Assert.NotNull(capture.FlameGraphFile);
            var frames = SpeedscopeShape.Validate(await File.ReadAllTextAsync(Path.Combine(folder, capture.FlameGraphFile)));

            // The engine's own code was jitted during the run: the rundown and JIT events name it.
            Assert.Contains(frames, frame => frame.StartsWith("CorsLab.Proxies.", StringComparison.Ordinal));
            Assert.True(capture.CpuSamples > 0);
            Assert.NotEmpty(capture.TopInclusive);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
