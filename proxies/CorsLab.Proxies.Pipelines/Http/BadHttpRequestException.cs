namespace CorsLab.Proxies.Pipelines.Http;

/// <summary>A refused request head: the connection answers <see cref="StatusCode"/> and closes.</summary>
internal sealed class BadHttpRequestException(RequestRejectionReason reason, string message)
    : Exception(message)
{
    public RequestRejectionReason Reason { get; } = reason;

    public int StatusCode => Reason switch
    {
        RequestRejectionReason.RequestLineTooLong => 414,
        RequestRejectionReason.HeadersTooLarge => 431,
        RequestRejectionReason.UnsupportedTransferCoding => 501,
        _ => 400,
    };
}
