using CorsLab.Proxies.Core;
using CorsLab.Proxies.Core.Faults;
using CorsLab.Proxies.HttpClient;
using CorsLab.Proxies.Pipelines;
using CorsLab.Proxies.Yarp;

namespace CorsLab.Proxies.Catalog;

/// <summary>The engines this build knows, by command-line name, and the faults each reproduces.</summary>
public static class EngineCatalog
{
    private static readonly IProxyEngine[] Engines = [new HttpClientEngine(), new YarpEngine(), new PipelinesEngine()];

    public static IEnumerable<string> Names => Engines.Select(engine => engine.Name);

    /// <summary>The engine named <paramref name="name"/> (any case), or null.</summary>
    public static IProxyEngine? Find(string name) =>
        Engines.FirstOrDefault(engine => string.Equals(engine.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Parses fault names for <paramref name="engine"/>: the faults, or the first name that is unknown or that this
    /// engine does not reproduce, with one line saying which names are valid.
    /// </summary>
    public static (Fault Faults, string? Error) ParseFaults(IProxyEngine engine, IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(names);
        var faults = Fault.None;
        foreach (var name in names)
        {
            if (!FaultNames.TryParse(name, out var fault))
            {
                return (Fault.None, $"unknown fault '{name}'; valid faults: {string.Join(", ", FaultNames.All)}");
            }

            if ((engine.SupportedFaults & fault) == 0)
            {
                return (Fault.None, $"engine '{engine.Name}' does not implement fault '{name}'; it implements: {string.Join(", ", FaultNames.NamesOf(engine.SupportedFaults))}");
            }

            faults |= fault;
        }

        return (faults, null);
    }
}
