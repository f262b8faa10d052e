namespace CorsLab.Proxies.Core.Upstream;

/// <summary>
/// An <see cref="HttpContent"/> that changes how another's bytes travel but not what they are: it carries the inner
/// content's headers and length, and disposes it.
/// </summary>
public abstract class WrappedContent : HttpContent
{
    protected WrappedContent(HttpContent inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        Inner = inner;
        foreach (var header in inner.Headers.NonValidated)
        {
            Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
    }

    protected HttpContent Inner { get; }

    protected override bool TryComputeLength(out long length)
    {
        // The inner content's own answer: none for a streamed or chunked body, 0 for YARP's header-only content.
        var known = Inner.Headers.ContentLength;
        length = known ?? -1;
        return known.HasValue;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
