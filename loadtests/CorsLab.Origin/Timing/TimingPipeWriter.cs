using System.IO.Pipelines;
using System.Runtime.CompilerServices;

namespace CorsLab.Origin.Timing;

/// <summary>
/// The response body as a pipe: bytes advanced are held as "unflushed" and timed when the flush that
/// carries them completes, which is when the server has taken them.
/// </summary>
internal sealed class TimingPipeWriter(PipeWriter inner, TimingCapture capture) : PipeWriter
{
    private long _unflushed;

    public override bool CanGetUnflushedBytes => inner.CanGetUnflushedBytes;

    public override long UnflushedBytes => inner.UnflushedBytes;

    public override void Advance(int bytes)
    {
        inner.Advance(bytes);
        _unflushed += bytes;
    }

    public override Memory<byte> GetMemory(int sizeHint = 0) => inner.GetMemory(sizeHint);

    public override Span<byte> GetSpan(int sizeHint = 0) => inner.GetSpan(sizeHint);

    public override void CancelPendingFlush() => inner.CancelPendingFlush();

    public override void Complete(Exception? exception = null) => inner.Complete(exception);

    public override async ValueTask CompleteAsync(Exception? exception = null)
    {
        await inner.CompleteAsync(exception);
        RecordUnflushed(0);
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public override async ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
    {
        var result = await inner.FlushAsync(cancellationToken);
        RecordUnflushed(0);
        return result;
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public override async ValueTask<FlushResult> WriteAsync(ReadOnlyMemory<byte> source, CancellationToken cancellationToken = default)
    {
        var result = await inner.WriteAsync(source, cancellationToken);
        RecordUnflushed(source.Length);
        return result;
    }

    /// <summary>Times bytes the server flushed on its own (at the end of the response) that no flush of ours carried.</summary>
    public void RecordUnflushed(long extra)
    {
        var bytes = _unflushed + extra;
        if (bytes > 0)
        {
            _unflushed = 0;
            capture.OnResponseBytes(bytes);
        }
    }
}
