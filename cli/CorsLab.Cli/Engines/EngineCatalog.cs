using CorsLab.Cli.Usage;
using CorsLab.Proxies.Core;
using CorsLab.Proxies.Core.Faults;
using CorsLab.Proxies.HttpClient;
using CorsLab.Proxies.Pipelines;
using CorsLab.Proxies.Yarp;

namespace CorsLab.Cli.Engines;

/// <summary>The engines this build knows, by command-line name.</summary>
internal static class EngineCatalog
{
    private static readonly IProxyEngine[] Engines = [new HttpClientEngine(), new YarpEngine(), new PipelinesEngine()];

    public static IEnumerable<string> Names => Engines.Select(engine => engine.Name);

    public static IProxyEngine Get(string name) =>
        Engines.FirstOrDefault(engine => string.Equals(engine.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new UsageException($"unknown engine '{name}'; valid engines: {string.Join(", ", Names)}");

    /// <summary>Parses fault names and checks that <paramref name="engine"/> reproduces each.</summary>
    public static Fault ParseFaults(IProxyEngine engine, IEnumerable<string> names)
    {
        var faults = Fault.None;
        foreach (var name in names)
        {
            if (!FaultNames.TryParse(name, out var fault))
            {
                throw new UsageException($"unknown fault '{name}'; valid faults: {string.Join(", ", FaultNames.All)}");
            }

            if ((engine.SupportedFaults & fault) == 0)
            {
                throw new UsageException(
                    $"engine '{engine.Name}' does not implement fault '{name}'; it implements: {string.Join(", ", FaultNames.NamesOf(engine.SupportedFaults))}");
            }

            faults |= fault;
        }

        return faults;
    }
}
