using System.Buffers;

namespace CorsLab.Proxies.Core.Faults;

/// <summary>
/// A read-only body stream whose every piece passes through an intermediate array before it reaches the reader's
/// buffer, the shape of a hand-written copy loop. alloc-per-chunk fault: that array is new for every piece
/// (<c>new byte[n]</c>), garbage the GC must collect. global-lock fault: the copy out of it is made under one lock
/// shared by every connection, so concurrent bodies queue on it.
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
        var piece = PieceArray(buffer.Length);
        var read = await inner.ReadAsync(piece.AsMemory(0, buffer.Length), cancellationToken);
        CopyOut(piece, read, buffer.Span);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(Span<byte> buffer)
    {
        var piece = PieceArray(buffer.Length);
        var read = inner.Read(piece, 0, buffer.Length);
        CopyOut(piece, read, buffer);
        return read;
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

    private void CopyOut(byte[] piece, int read, Span<byte> destination)
    {
        if (globalLock is null)
        {
            piece.AsSpan(0, read).CopyTo(destination);
            return;
        }

        lock (globalLock)
        {
            piece.AsSpan(0, read).CopyTo(destination);
        }
    }
}
