using System.Buffers;
using System.IO.Pipelines;

namespace CorsLab.Origin.Provocations;

/// <summary>
/// Provocation <c>http10</c>: the plain listener's connections write through this instead of the socket's writer.
/// Everything passes through untouched until a response is armed (<see cref="ArmNextResponse"/>, from the response's
/// OnStarting); that one response is rewritten as an HTTP/1.0 server sends it (<see cref="Http10Rewrite"/>): status
/// line <c>HTTP/1.0</c>, no framing header, Kestrel's chunks unwrapped, and the body ended by closing the connection.
/// Kestrel writes as usual, so the origin's timings still stamp each body write as it goes out.
/// </summary>
internal sealed class Http10PipeWriter(PipeWriter inner) : PipeWriter
{
    private readonly ArrayBufferWriter<byte> _pending = new();
    private Http10Rewrite? _rewrite;
    private bool _armed;
    private bool _closed;

    /// <summary>The next bytes Kestrel writes start the response to rewrite.</summary>
    public void ArmNextResponse() => _armed = true;

    public override Span<byte> GetSpan(int sizeHint = 0) => Intercepting() ? _pending.GetSpan(sizeHint) : inner.GetSpan(sizeHint);

    public override Memory<byte> GetMemory(int sizeHint = 0) => Intercepting() ? _pending.GetMemory(sizeHint) : inner.GetMemory(sizeHint);

    public override void Advance(int bytes)
    {
        if (_rewrite is not null || _closed)
        {
            _pending.Advance(bytes);
        }
        else
        {
            inner.Advance(bytes);
        }
    }

    public override async ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
    {
        if (_closed)
        {
            // The connection's send side is closed: what Kestrel writes after the rewritten response goes nowhere.
            _pending.Clear();
            return new FlushResult(isCanceled: false, isCompleted: true);
        }

        if (_rewrite is null)
        {
            return await inner.FlushAsync(cancellationToken);
        }

        var done = _rewrite.Feed(_pending.WrittenSpan, inner);
        _pending.Clear();
        var result = await inner.FlushAsync(cancellationToken);
        if (done)
        {
            _rewrite = null;
            _closed = true;
            await inner.CompleteAsync();
        }

        return result;
    }

    public override void CancelPendingFlush() => inner.CancelPendingFlush();

    public override void Complete(Exception? exception = null)
    {
        if (!_closed)
        {
            inner.Complete(exception);
        }
    }

    private bool Intercepting()
    {
        if (_armed && _rewrite is null && !_closed)
        {
            _armed = false;
            _rewrite = new Http10Rewrite();
        }

        return _rewrite is not null || _closed;
    }
}
