using System.Buffers;
using System.IO.Pipelines;
using System.Net.Sockets;

namespace CorsLab.Proxies.Pipelines.Sockets;

/// <summary>
/// Reads a socket (or, for TLS, the stream over it) straight into a <see cref="Pipe"/>, one receive always pending
/// while the pipe has room: the read-ahead that tells an idle pooled connection's close without a syscall
/// (<see cref="Upstream.UpstreamConnection.TryPrepareForReuse"/>), and reads that overlap the forwarding of what
/// came before. The end of the stream completes the pipe; a failure completes it with the error, which the
/// reader then gets from its next read.
/// </summary>
internal sealed class ReceivePump
{
    private readonly Socket _socket;
    private readonly Stream? _tls;
    private readonly int _readSize;
    private readonly Pipe _pipe;

    /// <param name="tls">The TLS stream to read instead of the socket; null for plain http.</param>
    /// <param name="readSize">Room asked for each receive (the largest a single receive can return).</param>
    public ReceivePump(Socket socket, Stream? tls, int readSize)
    {
        _socket = socket;
        _tls = tls;
        _readSize = readSize;

        // The reader runs inline on the receive's completion: no second thread-pool hop per read. The writer pauses
        // at four reads ahead, which bounds a connection's buffered bytes while its destination is slow.
        _pipe = new Pipe(new PipeOptions(
            pool: MemoryPool<byte>.Shared,
            readerScheduler: PipeScheduler.Inline,
            writerScheduler: PipeScheduler.Inline,
            pauseWriterThreshold: 4L * readSize,
            resumeWriterThreshold: 2L * readSize,
            minimumSegmentSize: readSize,
            useSynchronizationContext: false));
    }

    public PipeReader Reader => _pipe.Reader;

    public void Start() => _ = RunAsync();

    private async Task RunAsync()
    {
        var writer = _pipe.Writer;
        Exception? failure = null;
        try
        {
            while (true)
            {
                var memory = writer.GetMemory(_readSize);
                var read = _tls is null
                    ? await _socket.ReceiveAsync(memory, SocketFlags.None)
                    : await _tls.ReadAsync(memory);
                if (read == 0)
                {
                    break;
                }

                writer.Advance(read);
                var flushed = await writer.FlushAsync();
                if (flushed.IsCompleted)
                {
                    break;
                }
            }
        }
        catch (ObjectDisposedException)
        {
            // Closed or reset from another thread before a receive started: what a receive in flight would get.
            failure = new SocketException((int)SocketError.OperationAborted);
        }
        catch (Exception error)
        {
            // Nothing is swallowed: the reader gets this error from its next read, where failures are judged.
            failure = error;
        }

        await writer.CompleteAsync(failure);
    }
}
