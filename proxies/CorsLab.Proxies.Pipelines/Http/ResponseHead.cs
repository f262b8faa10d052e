namespace CorsLab.Proxies.Pipelines.Http;

/// <summary>One parsed upstream response head; reused for every response an upstream connection carries.</summary>
internal sealed class ResponseHead : IDisposable
{
    public HeadBuffer Buffer { get; } = new();

    public bool StatusLineDone { get; set; }

    public int HeadBytes { get; set; }

    public int StatusCode { get; set; }

    public int ReasonStart { get; set; }

    public int ReasonLength { get; set; }

    public bool IsHttp11 { get; set; }

    /// <summary>-1 when absent.</summary>
    public long ContentLength { get; set; } = -1;

    public bool HasTransferEncoding { get; set; }

    /// <summary>The final (and only) coding is chunked.</summary>
    public bool IsChunked { get; set; }

    public bool ConnectionClose { get; set; }

    public bool ConnectionKeepAlive { get; set; }

    public bool HasConnectionHeader { get; set; }

    /// <summary>Why the framing cannot be trusted (duplicate or invalid Content-Length, CL with TE…); null when it can.</summary>
    public string? FramingError { get; set; }

    public ReadOnlySpan<byte> Reason => Buffer.Span(ReasonStart, ReasonLength);

    /// <summary>RFC 9112 §9.3: may the connection carry another exchange after this one.</summary>
    public bool KeepAlive => IsHttp11 ? !ConnectionClose : ConnectionKeepAlive && !ConnectionClose;

    public void Reset()
    {
        Buffer.Reset();
        StatusLineDone = false;
        HeadBytes = 0;
        StatusCode = ReasonStart = ReasonLength = 0;
        IsHttp11 = false;
        ContentLength = -1;
        HasTransferEncoding = IsChunked = ConnectionClose = ConnectionKeepAlive = HasConnectionHeader = false;
        FramingError = null;
    }

    public void Dispose() => Buffer.Dispose();
}
