namespace CorsLab.Proxies.Pipelines.Http;

/// <summary>How a message body's end is found (RFC 9112 §6.3).</summary>
internal enum BodyKind
{
    None,
    ContentLength,
    Chunked,
    UntilClose,
}
