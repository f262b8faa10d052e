namespace CorsLab.Proxies.Core.Faults;

/// <summary>
/// Fault no-stale-check for SocketsHttpHandler: wraps an upstream connection so that the pool never sees the
/// upstream close it while idle, and the failure on the next exchange cannot be retried. The handler's read-ahead
/// learns of a close from a read that returns 0; this stream holds that read back, so the dead connection stays
/// pooled. The next request's bytes still go out on the wire (the upstream answers them with a reset, as it would
/// for any gateway without a check), and the write then fails: SocketsHttpHandler retries a reused connection's
/// failure only when it shows on the read side, so the request fails as it does in gateways without a safe retry.
/// A body that ends with the upstream's close (HTTP/1.0) never ends under this fault: its close is held back too.
/// </summary>
public sealed class StaleBlindStream(Stream inner) : Stream
{
    private TaskCompletionSource? _closedWhileIdle;

    public override bool CanRead => true;

    public override bool CanWrite => true;

    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken);
        if (read > 0 || buffer.IsEmpty)
        {
            return read;
        }

        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _closedWhileIdle, closed);
        await closed.Task.WaitAsync(cancellationToken);
        return 0;
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await inner.WriteAsync(buffer, cancellationToken);
        if (Volatile.Read(ref _closedWhileIdle) is { } closed)
        {
            closed.TrySetResult();
            throw new IOException("the upstream closed this pooled connection while it was idle (fault no-stale-check)");
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override void Flush() => inner.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("asynchronous reads only");

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("asynchronous writes only");

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _closedWhileIdle?.TrySetResult();
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        _closedWhileIdle?.TrySetResult();
        await inner.DisposeAsync();
        await base.DisposeAsync();
    }
}
