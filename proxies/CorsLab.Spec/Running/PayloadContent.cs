using System.Buffers;
using System.Diagnostics;
using System.Net;
using CorsLab.Protocol;

namespace CorsLab.Spec.Running;

/// <summary>
/// A request body of the origin's payload bytes, written in pieces so a 10 MB body never sits in memory,
/// and paced when the case drips it. Notes when it wrote its last byte.
/// </summary>
internal sealed class PayloadContent : HttpContent
{
    private const int PieceBytes = 64 * 1024;

    private readonly SpecBody _body;

    public PayloadContent(SpecBody body)
    {
        _body = body;
        if (body.Kind == SpecBodyKind.Sized)
        {
            Headers.ContentLength = body.Length;
        }
    }

    public long LastWriteTimestamp { get; private set; }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var piece = _body.Kind == SpecBodyKind.Dripped ? (int)(_body.Length / Math.Max(_body.Chunks, 1)) : PieceBytes;
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(piece, 1));
        try
        {
            long offset = 0;
            var first = true;
            while (offset < _body.Length)
            {
                if (!first && _body.Kind == SpecBodyKind.Dripped)
                {
                    await Task.Delay(_body.IntervalMilliseconds, cancellationToken);
                }

                first = false;
                var count = (int)Math.Min(piece, _body.Length - offset);
                OriginPayload.Fill(buffer.AsSpan(0, count), offset);
                await stream.WriteAsync(buffer.AsMemory(0, count), cancellationToken);
                if (_body.Kind == SpecBodyKind.Dripped)
                {
                    await stream.FlushAsync(cancellationToken);
                }

                offset += count;
            }

            LastWriteTimestamp = Stopwatch.GetTimestamp();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _body.Length;
        return _body.Kind == SpecBodyKind.Sized;
    }
}
