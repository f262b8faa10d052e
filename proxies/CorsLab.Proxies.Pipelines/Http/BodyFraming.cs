namespace CorsLab.Proxies.Pipelines.Http;

/// <summary>
/// The framing of one body on one side. Rules (README "Framing"):
/// requests: chunked, else Content-Length, else none (a request is never read until close);
/// responses: none for HEAD, 1xx, 204 and 304; else chunked, else Content-Length, else until close;
/// an ambiguous response head is refused.
/// </summary>
internal readonly record struct BodyFraming(BodyKind Kind, long Length)
{
    public static readonly BodyFraming None = new(BodyKind.None, 0);

    public static readonly BodyFraming Chunked = new(BodyKind.Chunked, -1);

    public static readonly BodyFraming UntilClose = new(BodyKind.UntilClose, -1);

    public static BodyFraming Sized(long length) => length == 0 ? None : new(BodyKind.ContentLength, length);

    public static BodyFraming ForRequest(RequestHead head) =>
        head.IsChunked ? Chunked : head.ContentLength > 0 ? new(BodyKind.ContentLength, head.ContentLength) : None;

    public static BodyFraming ForResponse(ResponseHead head, bool isHeadRequest)
    {
        if (isHeadRequest || head.StatusCode is < 200 or 204 or 304)
        {
            return None;
        }

        if (head.FramingError is { } error)
        {
            HttpThrow.InvalidResponse($"ambiguous framing: {error}");
        }

        return head.IsChunked ? Chunked : head.ContentLength >= 0 ? Sized(head.ContentLength) : UntilClose;
    }
}
