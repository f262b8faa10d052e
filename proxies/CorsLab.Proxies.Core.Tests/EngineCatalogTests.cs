using CorsLab.Proxies.Catalog;
using CorsLab.Proxies.Core.Faults;

namespace CorsLab.Proxies.Core.Tests;

/// <summary>Fault parsing for an engine: today every engine of ours implements every fault; a new one need not.</summary>
public sealed class EngineCatalogTests
{
    [Fact]
    public void FaultTheEngineDoesNotImplement_IsAnErrorListingWhatItDoes()
    {
        var (faults, error) = EngineCatalog.ParseFaults(new NagleOnlyEngine(), ["global-lock"]);

        Assert.Equal(FaultSelection.None, faults);
        Assert.Equal("engine 'nagle-only' does not implement fault 'global-lock'; it implements: nagle", error);
    }

    [Theory]
    [MemberData(nameof(TestEngines.Names), MemberType = typeof(TestEngines))]
    public void EveryEngineOfOurs_ImplementsEveryFault(string engine)
    {
        var (_, error) = EngineCatalog.ParseFaults(TestEngines.Create(engine), FaultNames.All.Select(ExampleOf));

        Assert.Null(error);
    }

    private static string ExampleOf(string fault) => fault switch
    {
        FaultNames.AddedLatency => $"{fault}=200us",
        FaultNames.PoolLimit => $"{fault}=4",
        FaultNames.CpuTax => $"{fault}=10",
        _ => fault,
    };

    private sealed class NagleOnlyEngine : IProxyEngine
    {
        public string Name => "nagle-only";

        public Fault SupportedFaults => Fault.Nagle;

        public Task RunAsync(ProxyOptions options, Action<Uri> listening, CancellationToken stopping) => Task.CompletedTask;
    }
}
