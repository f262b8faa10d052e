using Microsoft.Extensions.Hosting;

namespace CorsLab.Origin.Hosting;

/// <summary>
/// The origin lives inside another program (the lab, a test): Ctrl+C and SIGTERM belong to that program,
/// which stops the origin by disposing it, so the host does not subscribe to them itself.
/// </summary>
internal sealed class NoConsoleLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
