using System.Buffers;
using System.IO.Pipelines;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using CorsLab.Proxies.Pipelines.Http;
using CorsLab.Proxies.Pipelines.Sockets;

namespace CorsLab.Proxies.Pipelines.Forwarding;

/// <summary>
/// Copies one body from a pipe to a pipe, decoding the source's framing and encoding the destination's, piece
/// by piece as it arrives. It flushes only when it would otherwise wait for the source, so a head and the
/// body bytes already read leave in one write, yet nothing is ever held back while waiting. A Content-Length
/// body going to a socket as Content-Length is not copied at all: the source's buffers are sent as they are,
/// gathered with the head still unsent, and released once sent (<see cref="SocketPipeWriter.SendAsync"/>).
/// Every wait is bounded by the body-idle timeout. Errors are values: which side failed, never an exception.
/// </summary>
internal static class BodyCopier
{
    // What an abort disposes under a read or write in flight; ObjectDisposedException names the type.
    private static readonly string? SocketName = typeof(Socket).FullName;
    private static readonly string? NetworkStreamName = typeof(NetworkStream).FullName;
    private static readonly string? SslStreamName = typeof(System.Net.Security.SslStream).FullName;

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public static async ValueTask<CopyResult> CopyAsync(
        PipeReader source, BodyFraming from, PipeWriter destination, BodyKind to, CancellationTokenSource timer, CopyBehaviour behaviour)
    {
        var remaining = from.Length;
        var decoder = default(ChunkedDecoder);
        var done = from.Kind == BodyKind.None;
        var unflushed = true;

        // The faults of the copy loop need every piece to pass through it, so they take the copying path.
        var forward = from.Kind == BodyKind.ContentLength && to == BodyKind.ContentLength
            && !behaviour.AllocPerChunk && behaviour.GlobalLock is null
            ? destination as SocketPipeWriter
            : null;
        while (!done)
        {
            if (!source.TryRead(out var result))
            {
                if (unflushed)
                {
                    if (await FlushAsync(destination, timer, behaviour.IdleTimeout) is { } failed)
                    {
                        return failed;
                    }

                    unflushed = false;
                }

                try
                {
                    timer.CancelAfter(behaviour.IdleTimeout);
                    result = await source.ReadAsync(timer.Token);
                }
                catch (Exception error) when (IsIoFailure(error))
                {
                    return timer.IsCancellationRequested ? CopyResult.IdleTimeout : CopyResult.SourceFailed;
                }
            }

            var buffer = result.Buffer;
            if (forward is not null)
            {
                var piece = buffer.Slice(0, Math.Min(remaining, buffer.Length));
                var sent = await SendAsync(forward, piece, timer, behaviour.IdleTimeout);
                remaining -= piece.Length;
                done = remaining == 0;
                source.AdvanceTo(piece.End, done ? piece.End : buffer.End);
                if (sent is { } failed)
                {
                    return failed;
                }

                if (!done && result.IsCompleted)
                {
                    return CopyResult.SourceFailed;
                }

                unflushed = false;
                continue;
            }

            if (behaviour.GlobalLock is not null)
            {
                // Off the socket event thread before the lock: a thread blocked on it there, or blocked holding it,
                // could hold the very send completion the lock's holder waits for.
                await Task.Yield();
            }

            SequencePosition consumed;
            try
            {
                switch (from.Kind)
                {
                    case BodyKind.ContentLength:
                        var piece = buffer.Slice(0, Math.Min(remaining, buffer.Length));
                        WritePiece(destination, piece, to, behaviour);
                        remaining -= piece.Length;
                        consumed = piece.End;
                        done = remaining == 0;
                        break;
                    case BodyKind.Chunked:
                        var reader = new SequenceReader<byte>(buffer);
                        ChunkedStatus status;
                        while ((status = decoder.Read(ref reader, out var data)) == ChunkedStatus.Data)
                        {
                            WritePiece(destination, data, to, behaviour);
                        }

                        consumed = reader.Position;
                        done = status == ChunkedStatus.Completed;
                        break;
                    default:
                        WritePiece(destination, buffer, to, behaviour);
                        consumed = buffer.End;
                        done = result.IsCompleted;
                        break;
                }
            }
            catch (InvalidDataException)
            {
                source.AdvanceTo(buffer.Start, buffer.End);
                return CopyResult.SourceFailed;
            }

            // Examine only what was consumed once done: bytes after the body belong to the next message.
            source.AdvanceTo(consumed, done ? consumed : buffer.End);
            if (!done && result.IsCompleted)
            {
                return CopyResult.SourceFailed;
            }

            unflushed = true;
            if (behaviour.GlobalLock is { } gate)
            {
                if (SendLocked(destination, gate) is { } failed)
                {
                    return failed;
                }

                unflushed = false;
            }
        }

        if (to == BodyKind.Chunked)
        {
            ChunkedEncoder.WriteLastChunk(destination);
        }

        return await FlushAsync(destination, timer, behaviour.IdleTimeout) ?? CopyResult.Completed;
    }

    /// <summary>
    /// The connection failing: reset, closed, its socket or stream disposed by an abort, or a timer firing. A copy
    /// ends on these as a value; anything else (a misused pipe, a disposed timer) is a bug and must surface.
    /// </summary>
    public static bool IsIoFailure(Exception error) => error switch
    {
        IOException or SocketException or OperationCanceledException => true,
        ObjectDisposedException disposed => disposed.ObjectName == SocketName || disposed.ObjectName == NetworkStreamName || disposed.ObjectName == SslStreamName,
        _ => false,
    };

    /// <summary>The unsent head (if any) and <paramref name="piece"/> in one gathered send; the piece stays the source's.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private static async ValueTask<CopyResult?> SendAsync(SocketPipeWriter destination, ReadOnlySequence<byte> piece, CancellationTokenSource timer, TimeSpan idle)
    {
        try
        {
            timer.CancelAfter(idle);
            var sent = await destination.SendAsync(piece, timer.Token);
            return sent.IsCanceled ? CopyResult.DestinationFailed : null;
        }
        catch (Exception error) when (IsIoFailure(error))
        {
            return timer.IsCancellationRequested ? CopyResult.IdleTimeout : CopyResult.DestinationFailed;
        }
    }

    /// <summary>
    /// global-lock fault: the pieces just written are sent under the one lock every connection shares, blocking until
    /// the socket takes them, as a shared buffer guarded by <c>lock</c> is sent. (A lock held only for the copy into
    /// the pipe is almost never met by two bodies on two cores.) No idle timeout: a client that stops reading holds the lock.
    /// </summary>
    private static CopyResult? SendLocked(PipeWriter destination, Lock gate)
    {
        try
        {
            lock (gate)
            {
                var flushed = destination.FlushAsync().AsTask().GetAwaiter().GetResult();
                return flushed.IsCanceled || flushed.IsCompleted ? CopyResult.DestinationFailed : null;
            }
        }
        catch (Exception error) when (IsIoFailure(error))
        {
            return CopyResult.DestinationFailed;
        }
    }

    private static async ValueTask<CopyResult?> FlushAsync(PipeWriter destination, CancellationTokenSource timer, TimeSpan idle)
    {
        try
        {
            timer.CancelAfter(idle);
            var flushed = await destination.FlushAsync(timer.Token);
            return flushed.IsCanceled || flushed.IsCompleted ? CopyResult.DestinationFailed : null;
        }
        catch (Exception error) when (IsIoFailure(error))
        {
            return timer.IsCancellationRequested ? CopyResult.IdleTimeout : CopyResult.DestinationFailed;
        }
    }

    private static void WritePiece(PipeWriter destination, in ReadOnlySequence<byte> data, BodyKind to, CopyBehaviour behaviour)
    {
        if (data.IsEmpty)
        {
            return;
        }

        if (behaviour.GlobalLock is { } gate)
        {
            // global-lock fault: every connection's copy queues on one monitor.
            lock (gate)
            {
                WritePieceCore(destination, data, to, behaviour.AllocPerChunk);
            }

            return;
        }

        WritePieceCore(destination, data, to, behaviour.AllocPerChunk);
    }

    private static void WritePieceCore(PipeWriter destination, in ReadOnlySequence<byte> data, BodyKind to, bool allocPerChunk)
    {
        if (allocPerChunk)
        {
            // alloc-per-chunk fault: a fresh array for every piece, the classic `new byte[n]` copy loop.
            var copy = data.ToArray();
            if (to == BodyKind.Chunked)
            {
                ChunkedEncoder.WriteChunk(destination, copy);
            }
            else
            {
                destination.Write(copy);
            }

            return;
        }

        if (to == BodyKind.Chunked)
        {
            ChunkedEncoder.WriteChunk(destination, data);
            return;
        }

        foreach (var segment in data)
        {
            destination.Write(segment.Span);
        }
    }
}
