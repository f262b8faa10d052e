using System.Net;
using System.Net.Sockets;
using CorsLab.Protocol;
using CorsLab.Proxies.Core;
using CorsLab.Proxies.Core.Faults;
using CorsLab.Proxies.Pipelines.Forwarding;
using CorsLab.Proxies.Pipelines.Logging;

namespace CorsLab.Proxies.Pipelines.Server;

/// <summary>
/// The accept loop: one listening socket, one <see cref="ClientConnection"/> per accepted socket, a cap on
/// concurrent connections (<see cref="ProxyLimits.MaxConnections"/>; over it, a new connection is closed at once, as
/// Kestrel's connection limit does), and a stop that closes the listener, aborts every connection and waits for
/// them to finish. An accept error never ends the loop: out of descriptors (EMFILE, ENFILE) or any other failure
/// of one accept, it backs off briefly and goes on, instead of spinning or leaving the port unserved.
/// </summary>
internal sealed class ConnectionListener : IDisposable
{
    /// <summary>How long a stop waits for aborted connections to unwind.</summary>
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The first pause after a failed accept, doubled while accepts keep failing up to <see cref="MaxAcceptBackoff"/>:
    /// a descriptor frees up when a connection ends, which takes milliseconds, not microseconds.
    /// </summary>
    private static readonly TimeSpan FirstAcceptBackoff = TimeSpan.FromMilliseconds(10);

    private static readonly TimeSpan MaxAcceptBackoff = TimeSpan.FromSeconds(1);

    private readonly Socket _listener;
    private readonly ProxyOptions _options;
    private readonly PipelinesSettings _settings;
    private readonly EngineObserver _observer;
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _active;
    private int _stopping;

    private ConnectionListener(Socket listener, Uri url, ProxyOptions options, PipelinesSettings settings, EngineObserver observer)
    {
        _listener = listener;
        Url = url;
        _options = options;
        _settings = settings;
        _observer = observer;
    }

    public Uri Url { get; }

    /// <summary>Binds the first URL of <see cref="ProxyOptions.Urls"/>.</summary>
    /// <exception cref="PortInUseException">The port is taken.</exception>
    public static ConnectionListener Bind(ProxyOptions options, PipelinesSettings settings, EngineObserver observer)
    {
        var url = new Uri(options.Urls.Split(';')[0]);
        if (url.Scheme != Uri.UriSchemeHttp)
        {
            throw new ArgumentException($"'{url}': this engine serves plain http only", nameof(options));
        }

        var address = url.Host == "localhost" ? IPAddress.Loopback : IPAddress.Parse(url.Host.Trim('[', ']'));
        var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(new IPEndPoint(address, url.Port));
            socket.Listen(512);
        }
        catch (SocketException error) when (error.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            socket.Dispose();
            throw new PortInUseException(options.Urls, url.Port, error);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        var bound = (IPEndPoint)socket.LocalEndPoint!;
        var host = bound.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{bound.Address}]" : bound.Address.ToString();
        return new ConnectionListener(socket, new Uri($"http://{host}:{bound.Port}"), options, settings, observer);
    }

    public async Task RunAsync(Forwarder forwarder, string engineName, CancellationToken stopping)
    {
        var noDelay = !_options.ClientNagle;
        using (stopping.UnsafeRegister(static state => ((Socket)state!).Dispose(), _listener))
        {
            var backoff = FirstAcceptBackoff;
            while (!stopping.IsCancellationRequested)
            {
                Socket accepted;
                try
                {
                    accepted = await _listener.AcceptAsync(stopping);
                }
                catch (Exception error) when (error is ObjectDisposedException or OperationCanceledException)
                {
                    break;
                }
                catch (SocketException error)
                {
                    if (stopping.IsCancellationRequested)
                    {
                        break;
                    }

                    if (error.SocketErrorCode == SocketError.ConnectionReset)
                    {
                        // The client gave up while queued; the listener is fine (Kestrel's accept loop goes on too).
                        _observer.Logger.AcceptReset();
                        continue;
                    }

                    _observer.Logger.AcceptFailed(error, backoff.TotalMilliseconds);
                    await Task.Delay(backoff, stopping).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                    backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxAcceptBackoff.Ticks));
                    continue;
                }

                backoff = FirstAcceptBackoff;
                if (Interlocked.Increment(ref _active) > _options.Limits.MaxConnections)
                {
                    accepted.Dispose();
                    Release();
                    continue;
                }

                accepted.NoDelay = noDelay;
                _ = ServeAsync(new ClientConnection(accepted, _options, _settings, forwarder, engineName, _observer, stopping));
            }
        }

        Volatile.Write(ref _stopping, 1);
        if (Volatile.Read(ref _active) == 0)
        {
            _drained.TrySetResult();
        }

        await _drained.Task.WaitAsync(DrainTimeout, CancellationToken.None).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public void Dispose() => _listener.Dispose();

    private async Task ServeAsync(ClientConnection connection)
    {
        // Leave the accept loop at once: the connection's first read happens off it.
        await Task.Yield();
        try
        {
            await connection.RunAsync();
        }
        catch (Exception error)
        {
            // Nobody awaits this task: unlogged, a bug here would end the connection without a trace.
            _observer.Logger.ConnectionFailed(error);
        }
        finally
        {
            connection.Dispose();
            Release();
        }
    }

    private void Release()
    {
        if (Interlocked.Decrement(ref _active) == 0 && Volatile.Read(ref _stopping) != 0)
        {
            _drained.TrySetResult();
        }
    }
}
