using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Http.Features;

namespace CorsLab.Origin.Provocations;

/// <summary>
/// The response body with its head in a write of its own: the first flush or write starts the response and flushes
/// the head alone, then each body write goes out by itself, <c>gap</c> after the previous one. Bytes advanced are held
/// here until the flush that sends them, so head and body can never share a segment.
/// </summary>
internal sealed class SplitPipeWriter(IHttpResponseBodyFeature inner, TimeSpan gap) : PipeWriter
{
    private readonly ArrayBufferWriter<byte> _pending = new();
    private bool _headSent;

    public override void Advance(int bytes) => _pending.Advance(bytes);

    public override Memory<byte> GetMemory(int sizeHint = 0) => _pending.GetMemory(sizeHint);

    public override Span<byte> GetSpan(int sizeHint = 0) => _pending.GetSpan(sizeHint);

    public override void CancelPendingFlush() => inner.Writer.CancelPendingFlush();

    public override void Complete(Exception? exception = null) => inner.Writer.Complete(exception);

    public override async ValueTask CompleteAsync(Exception? exception = null)
    {
        if (exception is null)
        {
            await FlushAsync();
        }

        await inner.Writer.CompleteAsync(exception);
    }

    public override async ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
    {
        var result = await SendHeadAsync(cancellationToken);
        if (_pending.WrittenCount > 0)
        {
            result = await SendBodyAsync(_pending.WrittenMemory, cancellationToken);
            _pending.ResetWrittenCount();
        }

        return result;
    }

    public override async ValueTask<FlushResult> WriteAsync(ReadOnlyMemory<byte> source, CancellationToken cancellationToken = default)
    {
        var result = await FlushAsync(cancellationToken);
        return source.IsEmpty || result.IsCompleted ? result : await SendBodyAsync(source, cancellationToken);
    }

    private async ValueTask<FlushResult> SendHeadAsync(CancellationToken cancellationToken)
    {
        if (_headSent)
        {
            return default;
        }

        _headSent = true;
        await inner.StartAsync(cancellationToken);
        return await inner.Writer.FlushAsync(cancellationToken);
    }

    private async ValueTask<FlushResult> SendBodyAsync(ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        if (gap > TimeSpan.Zero)
        {
            await Task.Delay(gap, cancellationToken);
        }

        return await inner.Writer.WriteAsync(body, cancellationToken);
    }
}
