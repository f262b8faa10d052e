using CorsLab.Protocol;
using CorsLab.Proxies.Core;
using CorsLab.Proxies.Core.Faults;
using CorsLab.Proxies.HttpClient;
using CorsLab.Proxies.Pipelines;
using CorsLab.Proxies.Yarp;

namespace CorsLab.Proxies.Catalog;

/// <summary>The engines this build knows, by command-line name, and the faults each reproduces.</summary>
public static class EngineCatalog
{
    /// <summary>The largest pool-limit: a cap beyond the descriptor budget would never bind.</summary>
    private const int MaxPoolLimit = 10_000;

    private static readonly IProxyEngine[] Engines = [new HttpClientEngine(), new YarpEngine(), new PipelinesEngine()];

    public static IEnumerable<string> Names => Engines.Select(engine => engine.Name);

    /// <summary>The engine named <paramref name="name"/> (any case), or null.</summary>
    public static IProxyEngine? Find(string name) =>
        Engines.FirstOrDefault(engine => string.Equals(engine.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Parses faults as written on a command line (<c>nagle</c>, <c>added-latency=200us</c>) for
    /// <paramref name="engine"/>: the selection, or the first one that is unknown, malformed or not reproduced by
    /// this engine, with one line saying what is valid.
    /// </summary>
    public static (FaultSelection Faults, string? Error) ParseFaults(IProxyEngine engine, IEnumerable<string> texts)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(texts);
        var selection = FaultSelection.None;
        foreach (var text in texts)
        {
            var separator = text.IndexOf('=', StringComparison.Ordinal);
            var name = separator < 0 ? text : text[..separator];
            var argument = separator < 0 ? null : text[(separator + 1)..];
            if (!FaultNames.TryParse(name, out var fault))
            {
                return (FaultSelection.None, $"unknown fault '{text}'; valid faults: {string.Join(", ", FaultNames.Usages)}");
            }

            if ((engine.SupportedFaults & fault) == 0)
            {
                return (FaultSelection.None, $"engine '{engine.Name}' does not implement fault '{name}'; it implements: {string.Join(", ", FaultNames.UsagesOf(engine.SupportedFaults))}");
            }

            if (fault == Fault.AddedLatency)
            {
                if (argument is null || !Durations.TryParse(argument, out var delay))
                {
                    return (FaultSelection.None, $"fault '{text}' needs a positive duration, e.g. {FaultNames.AddedLatency}=200us; {Durations.Syntax}");
                }

                selection = selection with { AddedLatency = delay };
            }
            else if (fault == Fault.PoolLimit)
            {
                if (argument is null || !int.TryParse(argument, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var limit) || limit is < 1 or > MaxPoolLimit)
                {
                    return (FaultSelection.None, $"fault '{text}' needs a number of connections from 1 to {MaxPoolLimit}, e.g. {FaultNames.PoolLimit}=4");
                }

                selection = selection with { PoolLimit = limit };
            }
            else if (fault == Fault.CpuTax)
            {
                if (argument is null || !int.TryParse(argument.TrimEnd('%'), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var percent) || percent is < 1 or > CpuTax.MaxPercent)
                {
                    return (FaultSelection.None, $"fault '{text}' needs a whole percent from 1 to {CpuTax.MaxPercent}, e.g. {FaultNames.CpuTax}=10");
                }

                selection = selection with { CpuTaxPercent = percent };
            }
            else if (argument is not null)
            {
                return (FaultSelection.None, $"fault '{text}': '{name}' takes no value; write it as '{name}'");
            }

            selection = selection with { Faults = selection.Faults | fault };
        }

        return (selection, null);
    }
}
