using System.Buffers;
using System.IO.Pipelines;
using System.Net.Sockets;
using System.Runtime.CompilerServices;

namespace CorsLab.Proxies.Pipelines.Sockets;

/// <summary>
/// A <see cref="PipeWriter"/> straight onto a socket, no <c>NetworkStream</c> and no second pipe: written bytes
/// gather in pooled segments, and a flush sends them all in one gathered send. <see cref="SendAsync"/> also takes
/// buffers it does not own (a body still in the upstream's pipe), so a head and a body leave in one <c>sendmsg</c>
/// and the body is never copied. A flush cancelled by its token resets the socket: a send cannot be taken back
/// halfway, and a connection with half a message on the wire is broken anyway.
/// </summary>
internal sealed class SocketPipeWriter : PipeWriter
{
    private readonly Socket _socket;
    private readonly int _segmentSize;
    private readonly SocketSender _sender = new();
    private readonly List<byte[]> _segments = [];

    // Bytes written into each segment but the last (whose count is _tailLength).
    private readonly List<int> _lengths = [];
    private int _tailLength;
    private long _unflushed;
    private bool _completed;
    private bool _cancelNextFlush;

    /// <param name="segmentSize">Size of each buffer written bytes gather in (a larger hint gets a larger one).</param>
    public SocketPipeWriter(Socket socket, int segmentSize)
    {
        _socket = socket;
        _segmentSize = segmentSize;
    }

    public override bool CanGetUnflushedBytes => true;

    public override long UnflushedBytes => _unflushed;

    public override Memory<byte> GetMemory(int sizeHint = 0) => Tail(sizeHint).AsMemory(_tailLength);

    public override Span<byte> GetSpan(int sizeHint = 0) => Tail(sizeHint).AsSpan(_tailLength);

    public override void Advance(int bytes)
    {
        if (_segments.Count == 0 || (uint)bytes > (uint)(_segments[^1].Length - _tailLength))
        {
            throw new ArgumentOutOfRangeException(nameof(bytes), bytes, "more than the memory last handed out");
        }

        _tailLength += bytes;
        _unflushed += bytes;
    }

    public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default) =>
        SendAsync(ReadOnlySequence<byte>.Empty, cancellationToken);

    /// <summary>
    /// Sends what was written, then <paramref name="borrowed"/>, in one gathered send. The caller keeps
    /// <paramref name="borrowed"/> alive until this completes (a pipe reader advances past it only afterwards).
    /// </summary>
    public ValueTask<FlushResult> SendAsync(in ReadOnlySequence<byte> borrowed, CancellationToken cancellationToken)
    {
        if (_cancelNextFlush)
        {
            _cancelNextFlush = false;
            return new ValueTask<FlushResult>(new FlushResult(isCanceled: true, isCompleted: false));
        }

        ObjectDisposedException.ThrowIf(_completed, this);
        for (var i = 0; i < _segments.Count; i++)
        {
            var length = i == _segments.Count - 1 ? _tailLength : _lengths[i];
            if (length > 0)
            {
                _sender.Add(_segments[i].AsMemory(0, length));
            }
        }

        foreach (var piece in borrowed)
        {
            if (!piece.IsEmpty)
            {
                _sender.Add(piece);
            }
        }

        if (_sender.PieceCount == 0)
        {
            return new ValueTask<FlushResult>(default(FlushResult));
        }

        var sending = _sender.SendAsync(_socket);
        if (sending.IsCompletedSuccessfully)
        {
            sending.GetAwaiter().GetResult();
            Release();
            return new ValueTask<FlushResult>(default(FlushResult));
        }

        return AwaitSendAsync(sending, cancellationToken);
    }

    /// <summary>Makes the next flush return cancelled without sending (a send in flight cannot be recalled).</summary>
    public override void CancelPendingFlush() => _cancelNextFlush = true;

    public override void Complete(Exception? exception = null)
    {
        // Unflushed bytes are dropped: whoever completes without flushing is closing a broken connection.
        _completed = true;
        Release();
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<FlushResult> AwaitSendAsync(ValueTask<int> sending, CancellationToken cancellationToken)
    {
        // Registered only for a send that had to wait: most sends complete at once and cost no registration.
        using var registration = cancellationToken.UnsafeRegister(static state => SocketClosing.Reset((Socket)state!), _socket);
        try
        {
            await sending;
        }
        catch (SocketException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
        finally
        {
            // Once the send is over (done or failed), the gathered segments are no longer in use.
            Release();
        }

        return default;
    }

    private byte[] Tail(int sizeHint)
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        var needed = Math.Max(sizeHint, 1);
        if (_segments.Count == 0 || _segments[^1].Length - _tailLength < needed)
        {
            if (_segments.Count > 0)
            {
                _lengths.Add(_tailLength);
            }

            _segments.Add(ArrayPool<byte>.Shared.Rent(Math.Max(needed, _segmentSize)));
            _tailLength = 0;
        }

        return _segments[^1];
    }

    private void Release()
    {
        foreach (var segment in _segments)
        {
            ArrayPool<byte>.Shared.Return(segment);
        }

        _segments.Clear();
        _lengths.Clear();
        _tailLength = 0;
        _unflushed = 0;
    }
}
