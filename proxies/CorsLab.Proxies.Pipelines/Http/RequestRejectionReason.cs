namespace CorsLab.Proxies.Pipelines.Http;

/// <summary>Why a request head was refused before any forwarding, as Kestrel's <c>RequestRejectionReason</c>.</summary>
internal enum RequestRejectionReason
{
    InvalidRequestLine,
    InvalidHttpVersion,
    RequestLineTooLong,
    HeadersTooLarge,
    InvalidHeaderName,
    InvalidHeaderValue,
    ObsoleteLineFolding,
    BareLineFeed,
    BareCarriageReturn,
    NulInHead,
    InvalidContentLength,
    DuplicateContentLength,
    ContentLengthWithTransferEncoding,
    FinalCodingNotChunked,
    UnsupportedTransferCoding,
    TransferEncodingInHttp10,
    MissingHost,
    DuplicateHost,
    IncompleteHead,
}
