using CorsLab.Protocol;
using CorsLab.Proxies.Core.Faults;

namespace CorsLab.Proxies.Core;

/// <summary>One forwarding mechanism behind the shared contract. Each runs in its own process.</summary>
public interface IProxyEngine
{
    string Name { get; }

    /// <summary>The faults this engine reproduces; asking for another is an input error.</summary>
    Fault SupportedFaults { get; }

    /// <summary>Serves until <paramref name="stopping"/> fires. <paramref name="listening"/> gets the bound address once.</summary>
    /// <exception cref="PortInUseException">The address in <see cref="ProxyOptions.Urls"/> is taken.</exception>
    Task RunAsync(ProxyOptions options, Action<Uri> listening, CancellationToken stopping);
}
