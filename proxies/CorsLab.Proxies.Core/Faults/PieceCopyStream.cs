using System.Buffers;

namespace CorsLab.Proxies.Core.Faults;

/// <summary>
/// A read-only body stream whose every piece passes through an intermediate array before it reaches the reader's
/// buffer, the shape of a hand-written copy loop. alloc-per-chunk fault: that array is new for every piece
/// (<c>new byte[n]</c>), garbage the GC must collect. global-lock fault: the piece is read from the upstream and
/// copied out under one lock shared by every connection, with a blocking read, as a shared buffer guarded by
/// <c>lock</c> is: every body waits for the one being read, and the threads queue on the lock. (A lock held only for
/// the copy out is free on two cores: the bodies almost never meet there.) The blocking read takes no cancellation,
/// so under this fault the body-idle timeout does not cut a stalled upstream either.
/// </summary>
internal sealed class PieceCopyStream(Stream inner, bool allocPerChunk, Lock? globalLock) : Stream
{
    private byte[]? _scratch;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (globalLock is not null)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return Read(buffer.Span);
        }

        var piece = PieceArray(buffer.Length);
        var read = await inner.ReadAsync(piece.AsMemory(0, buffer.Length), cancellationToken);
        piece.AsSpan(0, read).CopyTo(buffer.Span);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(Span<byte> buffer)
    {
        if (globalLock is null)
        {
            return ReadPiece(buffer);
        }

        lock (globalLock)
        {
            return ReadPiece(buffer);
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
            if (_scratch is { } scratch)
            {
                _scratch = null;
                ArrayPool<byte>.Shared.Return(scratch);
            }
        }

        base.Dispose(disposing);
    }

    private byte[] PieceArray(int length)
    {
        if (allocPerChunk)
        {
            return new byte[length];
        }

        if (_scratch is null || _scratch.Length < length)
        {
            if (_scratch is { } small)
            {
                ArrayPool<byte>.Shared.Return(small);
            }

            _scratch = ArrayPool<byte>.Shared.Rent(length);
        }

        return _scratch;
    }

    private int ReadPiece(Span<byte> destination)
    {
        var piece = PieceArray(destination.Length);
        var read = inner.Read(piece, 0, destination.Length);
        piece.AsSpan(0, read).CopyTo(destination);
        return read;
    }
}
