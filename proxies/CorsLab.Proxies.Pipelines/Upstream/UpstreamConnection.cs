using System.IO.Pipelines;
using System.Net.Sockets;
using CorsLab.Proxies.Pipelines.Http;

namespace CorsLab.Proxies.Pipelines.Upstream;

/// <summary>
/// One upstream HTTP/1.1 connection: the socket, its stream (TLS or not) as a pipe pair, the reused response
/// head and one timer for every wait on it (response head, body idle). Owned by one exchange at a time.
/// </summary>
internal sealed class UpstreamConnection : IDisposable
{
    private readonly Socket _socket;
    private readonly Stream _stream;
    private int _disposed;
    private int _released;

    public UpstreamConnection(PoolKey key, Socket socket, Stream stream, int readBufferSize)
    {
        Key = key;
        _socket = socket;
        _stream = stream;
        Reader = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: readBufferSize, minimumReadSize: 1024, leaveOpen: true));
        Writer = PipeWriter.Create(stream, new StreamPipeWriterOptions(leaveOpen: true));
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
    /// Ready for another exchange: the timer can be re-armed and nothing arrived while idle (a readable idle
    /// socket means the upstream closed it or sent garbage, as SocketsHttpHandler checks too).
    /// </summary>
    public bool TryPrepareForReuse()
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

        try
        {
            return !_socket.Poll(0, SelectMode.SelectRead);
        }
        catch (Exception error) when (error is SocketException or ObjectDisposedException)
        {
            return false;
        }
    }

    /// <summary>
    /// Resets the socket (RST) so a half-sent body can never be mistaken for a complete one. Safe from any
    /// thread: pending reads and writes fail; the owner still calls <see cref="Dispose"/>.
    /// </summary>
    public void Abort()
    {
        Volatile.Write(ref _disposed, 1);
        try
        {
            _socket.LingerState = new LingerOption(true, 0);
        }
        catch (Exception error) when (error is SocketException or ObjectDisposedException)
        {
            // Already closed: nothing left to reset.
        }

        _socket.Dispose();
    }

    /// <summary>Closes and releases everything; only the exchange (or pool) that owns the connection calls it.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) != 0)
        {
            return;
        }

        Volatile.Write(ref _disposed, 1);
        _socket.Dispose();
        _stream.Dispose();
        Server.PipeCompletion.Complete(Reader, Writer);
        Timer.Dispose();
        Head.Dispose();
    }
}
