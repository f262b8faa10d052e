using System.Net;
using CorsLab.Proxies.Core.Upstream;

namespace CorsLab.Proxies.Core.Faults;

/// <summary>
/// An upstream response body read through <see cref="PieceCopyStream"/>, with the inner content's headers, so the
/// engines copy it as they copy any upstream body (alloc-per-chunk and global-lock faults).
/// </summary>
internal sealed class PieceCopyContent(HttpContent inner, bool allocPerChunk, Lock? globalLock) : WrappedContent(inner)
{
    protected override async Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) =>
        new PieceCopyStream(await Inner.ReadAsStreamAsync(cancellationToken), allocPerChunk, globalLock);

    protected override Task<Stream> CreateContentReadStreamAsync() => CreateContentReadStreamAsync(CancellationToken.None);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        await using var source = await CreateContentReadStreamAsync(cancellationToken);
        await source.CopyToAsync(stream, cancellationToken);
    }
}
