using CorsLab.Protocol;
using CorsLab.Proxies.Core.Faults;

namespace CorsLab.Proxies.Core;

/// <summary>One forwarding mechanism behind the shared contract. Each runs in its own process.</summary>
public interface IProxyEngine
{
    string Name { get; }

    /// <summary>The faults this engine reproduces; asking for another is an input error.</summary>
    Fault SupportedFaults { get; }

    /// <summary>
    /// True when nothing on the engine's own path blocks a thread, so its process may run socket completions inline on
    /// the runtime's socket event threads (one per core) instead of handing each one to the thread pool: on a busy
    /// core every hand-off is a context switch. Decided per process, before its first socket, by whoever starts the
    /// engine (<c>corslab proxy</c>); an engine hosted where sockets are already in use runs either way.
    /// </summary>
    bool InlineSocketCompletions => false;

    /// <summary>Serves until <paramref name="stopping"/> fires. <paramref name="listening"/> gets the bound address once.</summary>
    /// <exception cref="PortInUseException">The address in <see cref="ProxyOptions.Urls"/> is taken.</exception>
    Task RunAsync(ProxyOptions options, Action<Uri> listening, CancellationToken stopping);
}
