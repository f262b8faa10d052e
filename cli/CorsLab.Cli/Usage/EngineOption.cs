using CorsLab.Proxies.Catalog;
using CorsLab.Proxies.Core;
using CorsLab.Proxies.Core.Faults;

namespace CorsLab.Cli.Usage;

/// <summary>Engine and fault option values checked against the catalog; a bad one is a usage error listing the valid names.</summary>
internal static class EngineOption
{
    public static IProxyEngine Parse(string name) =>
        EngineCatalog.Find(name) ?? throw new UsageException($"unknown engine '{name}'; valid engines: {string.Join(", ", EngineCatalog.Names)}");

    public static FaultSelection ParseFaults(IProxyEngine engine, IEnumerable<string> names)
    {
        var (faults, error) = EngineCatalog.ParseFaults(engine, names);
        return error is null ? faults : throw new UsageException(error);
    }
}
