namespace CorsLab.Proxies.Pipelines.Http;

/// <summary>
/// One parsed request head: the bytes in <see cref="Buffer"/> and what the engine needs to know of them,
/// gathered while parsing so no header is looked up twice. Reused for every request of a connection.
/// </summary>
internal sealed class RequestHead : IDisposable
{
    public HeadBuffer Buffer { get; } = new();

    /// <summary>Where <see cref="RequestParser"/> is: a head arrives over any number of reads.</summary>
    public RequestParseState State { get; set; }

    /// <summary>Bytes of header lines so far (CRLF included), checked against <c>MaxRequestHeaderBytes</c>.</summary>
    public int HeaderBytes { get; set; }

    public int MethodStart { get; set; }

    public int MethodLength { get; set; }

    public int TargetStart { get; set; }

    public int TargetLength { get; set; }

    public bool IsHttp11 { get; set; }

    /// <summary>-1 when absent.</summary>
    public long ContentLength { get; set; } = -1;

    public bool HasTransferEncoding { get; set; }

    public bool IsChunked { get; set; }

    public bool ConnectionClose { get; set; }

    public bool ConnectionKeepAlive { get; set; }

    public bool HasConnectionHeader { get; set; }

    public bool ExpectContinue { get; set; }

    public int HostCount { get; set; }

    /// <summary>Index of the <c>Origin</c> field, -1 when absent.</summary>
    public int OriginIndex { get; set; } = -1;

    /// <summary>Index of the <see cref="CorsLab.Protocol.CorrelationHeader"/> field, -1 when absent.</summary>
    public int RequestIdIndex { get; set; } = -1;

    // Transfer-Encoding bookkeeping across repeated fields.
    public int ChunkedCodings { get; set; }

    public int OtherCodings { get; set; }

    public bool LastCodingChunked { get; set; }

    public ReadOnlySpan<byte> Method => Buffer.Span(MethodStart, MethodLength);

    public ReadOnlySpan<byte> Target => Buffer.Span(TargetStart, TargetLength);

    public bool HasBody => IsChunked || ContentLength > 0;

    /// <summary>Whether the client wants the connection kept after this exchange (RFC 9112 §9.3).</summary>
    public bool KeepAlive => IsHttp11 ? !ConnectionClose : ConnectionKeepAlive && !ConnectionClose;

    public void Reset()
    {
        Buffer.Reset();
        State = RequestParseState.RequestLine;
        HeaderBytes = 0;
        MethodStart = MethodLength = TargetStart = TargetLength = 0;
        IsHttp11 = false;
        ContentLength = -1;
        HasTransferEncoding = IsChunked = ConnectionClose = ConnectionKeepAlive = HasConnectionHeader = ExpectContinue = false;
        HostCount = 0;
        OriginIndex = RequestIdIndex = -1;
        ChunkedCodings = OtherCodings = 0;
        LastCodingChunked = false;
    }

    public void Dispose() => Buffer.Dispose();
}
