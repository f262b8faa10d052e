using System.Collections.Concurrent;
using Microsoft.AspNetCore.Connections.Features;

namespace CorsLab.Origin.Provocations;

/// <summary>
/// The origin's own keep-alive idle timeout, per connection: after a response that asked for one, the connection is
/// closed (FIN, as a server's idle timeout does) unless another request arrives on it first. Kestrel's own timeout
/// is one setting for every connection and ticks once a second; this one is per request and to the millisecond.
/// </summary>
internal sealed class IdleConnectionCloser
{
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _timers = new(StringComparer.Ordinal);

    /// <summary>A request arrived on <paramref name="connectionId"/>: it is not idle, so a pending close is called off.</summary>
    public void OnRequest(string connectionId)
    {
        if (!_timers.IsEmpty && _timers.TryRemove(connectionId, out var timer))
        {
            timer.Cancel();
            timer.Dispose();
        }
    }

    /// <summary>Closes the connection <paramref name="idle"/> after now, unless <see cref="OnRequest"/> sees it first.</summary>
    public void CloseWhenIdle(string connectionId, IConnectionLifetimeNotificationFeature connection, TimeSpan idle)
    {
        var timer = new CancellationTokenSource();
        if (_timers.TryGetValue(connectionId, out var previous) && _timers.TryUpdate(connectionId, timer, previous))
        {
            previous.Cancel();
            previous.Dispose();
        }
        else if (!_timers.TryAdd(connectionId, timer))
        {
            timer.Dispose();
            return;
        }

        _ = CloseAfterAsync(connectionId, connection, idle, timer);
    }

    private async Task CloseAfterAsync(string connectionId, IConnectionLifetimeNotificationFeature connection, TimeSpan idle, CancellationTokenSource timer)
    {
        try
        {
            await Task.Delay(idle, timer.Token);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        if (_timers.TryRemove(new KeyValuePair<string, CancellationTokenSource>(connectionId, timer)))
        {
            // Kestrel ends a connection waiting for its next request at once (FIN), as a server's idle timeout does.
            connection.RequestClose();
            timer.Dispose();
        }
    }
}
