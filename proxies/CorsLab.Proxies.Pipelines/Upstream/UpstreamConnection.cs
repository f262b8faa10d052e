using System.IO.Pipelines;
using System.Net.Security;
using System.Net.Sockets;
using CorsLab.Proxies.Pipelines.Http;
using CorsLab.Proxies.Pipelines.Sockets;

namespace CorsLab.Proxies.Pipelines.Upstream;

/// <summary>
/// One upstream HTTP/1.1 connection: the socket as a pipe pair, the reused response head and one timer for every
/// wait on it (response head, body idle). Owned by one exchange at a time. Plain http reads the socket into a
/// pipe and writes it with gathered sends (<see cref="ReceivePump"/>, <see cref="SocketPipeWriter"/>); https
/// reads and writes the <see cref="SslStream"/> (TLS records cannot be gathered into one send anyway). Either
/// way a receive is pending from the connect on, also while the connection idles in the pool.
/// </summary>
internal sealed class UpstreamConnection : IDisposable
{
    private readonly Socket _socket;
    private readonly SslStream? _tls;
    private int _disposed;
    private int _released;

    public UpstreamConnection(PoolKey key, Socket socket, SslStream? tls, PipelinesSettings settings)
    {
        Key = key;
        _socket = socket;
        _tls = tls;
        var pump = new ReceivePump(socket, tls, settings.ReadBufferSize);
        Reader = pump.Reader;
        Writer = tls is null
            ? new SocketPipeWriter(socket, settings.WriteBufferSize)
            : PipeWriter.Create(tls, new StreamPipeWriterOptions(minimumBufferSize: settings.WriteBufferSize, leaveOpen: true));
        pump.Start();
    }

    public PoolKey Key { get; }

    public PipeReader Reader { get; }

    public PipeWriter Writer { get; }

    public ResponseHead Head { get; } = new();

    public CancellationTokenSource Timer { get; private set; } = new();

    /// <summary>Set when the connection comes out of the pool rather than from a fresh connect.</summary>
    public bool IsReused { get; set; }

    public long IdleSince { get; set; }

    public bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    /// <summary>
    /// The one place that decides whether a pooled connection may carry another exchange: not disposed, and
    /// nothing arrived while it idled. The read-ahead has a receive pending on every idle connection, so an
    /// upstream's close (or stray bytes, or a reset) is already in the pipe: the check is a look at the pipe, not
    /// a syscall, where a <c>Socket.Poll</c> cost one per reuse (SocketsHttpHandler relies on a read-ahead too).
    /// A close that is still on its way is caught by the forwarder's one retry of a bodiless request.
    /// </summary>
    /// <param name="checkLiveness">False under fault no-stale-check: whatever arrived while idle is not looked at.</param>
    public bool TryPrepareForReuse(bool checkLiveness)
    {
        if (IsDisposed)
        {
            return false;
        }

        if (!Timer.TryReset())
        {
            Timer.Dispose();
            Timer = new CancellationTokenSource();
        }

        return !checkLiveness || IsQuiet();
    }

    /// <summary>
    /// Resets the socket (RST) so a half-sent body can never be mistaken for a complete one. Safe from any
    /// thread: pending reads and writes fail; the owner still calls <see cref="Dispose"/>.
    /// </summary>
    public void Abort()
    {
        Volatile.Write(ref _disposed, 1);
        SocketClosing.Reset(_socket);
    }

    /// <summary>Closes and releases everything; only the exchange (or pool) that owns the connection calls it.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) != 0)
        {
            return;
        }

        Volatile.Write(ref _disposed, 1);
        SocketClosing.Close(_socket);
        _tls?.Dispose();
        Server.PipeCompletion.Complete(Reader, Writer);
        Timer.Dispose();
        Head.Dispose();
    }

    /// <summary>Nothing received and no end seen since the last exchange: the pipe has no data and is not completed.</summary>
    private bool IsQuiet()
    {
        try
        {
            if (!Reader.TryRead(out var result))
            {
                return true;
            }

            Reader.AdvanceTo(result.Buffer.Start);
            return false;
        }
        catch (Exception error) when (Forwarding.BodyCopier.IsIoFailure(error))
        {
            // The read-ahead failed (a reset while idle).
            return false;
        }
    }
}
