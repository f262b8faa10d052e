using Microsoft.Extensions.Hosting;

namespace CorsLab.Proxies.Core.Hosting;

/// <summary>
/// A host lifetime that leaves signals alone: the command line that runs the engine owns Ctrl+C and
/// SIGTERM and stops the host itself, so the two never race over who shuts down.
/// </summary>
internal sealed class CommandLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
