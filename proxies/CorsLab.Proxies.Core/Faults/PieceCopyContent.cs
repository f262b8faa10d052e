using System.Net;

namespace CorsLab.Proxies.Core.Faults;

/// <summary>
/// An upstream response body read through <see cref="PieceCopyStream"/>, with the inner content's headers, so the
/// engines copy it as they copy any upstream body (alloc-per-chunk and global-lock faults).
/// </summary>
internal sealed class PieceCopyContent : HttpContent
{
    private readonly HttpContent _inner;
    private readonly bool _allocPerChunk;
    private readonly Lock? _globalLock;

    public PieceCopyContent(HttpContent inner, bool allocPerChunk, Lock? globalLock)
    {
        _inner = inner;
        _allocPerChunk = allocPerChunk;
        _globalLock = globalLock;
        foreach (var header in inner.Headers.NonValidated)
        {
            Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
    }

    protected override async Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) =>
        new PieceCopyStream(await _inner.ReadAsStreamAsync(cancellationToken), _allocPerChunk, _globalLock);

    protected override Task<Stream> CreateContentReadStreamAsync() => CreateContentReadStreamAsync(CancellationToken.None);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        await using var source = await CreateContentReadStreamAsync(cancellationToken);
        await source.CopyToAsync(stream, cancellationToken);
    }

    protected override bool TryComputeLength(out long length)
    {
        // The upstream's own Content-Length, copied above; none for a chunked or close-delimited body.
        var known = _inner.Headers.ContentLength;
        length = known ?? -1;
        return known.HasValue;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
