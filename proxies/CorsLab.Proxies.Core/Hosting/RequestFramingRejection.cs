using Microsoft.AspNetCore.Http;

namespace CorsLab.Proxies.Core.Hosting;

/// <summary>Why <see cref="RequestFramingCheck"/> refused a request: the status, as the `pipelines` parser answers it, and a short body naming the problem.</summary>
internal sealed record RequestFramingRejection(int StatusCode, string Message)
{
    public static RequestFramingRejection InvalidHeaderName { get; } = BadRequest("header name is not a token");

    public static RequestFramingRejection InvalidHeaderValue { get; } = BadRequest("control character in a header value");

    public static RequestFramingRejection ContentLengthWithTransferEncoding { get; } = BadRequest("Content-Length with Transfer-Encoding");

    public static RequestFramingRejection TransferEncodingInHttp10 { get; } = BadRequest("Transfer-Encoding on HTTP/1.0");

    public static RequestFramingRejection ChunkedNotOnce { get; } = BadRequest("chunked must be the one final transfer coding");

    public static RequestFramingRejection UnsupportedTransferCoding { get; } =
        new(StatusCodes.Status501NotImplemented, "Unsupported request framing: a transfer coding other than chunked.");

    private static RequestFramingRejection BadRequest(string problem) => new(StatusCodes.Status400BadRequest, $"Bad request framing: {problem}.");
}
