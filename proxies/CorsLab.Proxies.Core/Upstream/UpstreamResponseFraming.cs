using System.Net.Http.Headers;

namespace CorsLab.Proxies.Core.Upstream;

/// <summary>
/// The upstream response-head rules <see cref="SocketsHttpHandler"/> does not enforce, for the Kestrel-based engines, with
/// the `pipelines` engine's verdicts and reasons (its README, "Security rules"). The handler reads a body framed by
/// differing or malformed Content-Length headers until close and copies them as received; Kestrel then throws while
/// writing them out (a 500 on `httpclient`). With a Transfer-Encoding it ignores the Content-Length. Either way the
/// upstream framed its body ambiguously, which is an upstream failure: 502, before any of it reaches the client.
/// </summary>
public static class UpstreamResponseFraming
{
    private const string ContentLength = "Content-Length";
    private const string TransferEncoding = "Transfer-Encoding";

    /// <returns>null when the head frames its body one way, or carries no body; otherwise the failure to answer with.</returns>
    public static UpstreamFailure? Check(HttpResponseMessage response, bool isHeadRequest)
    {
        ArgumentNullException.ThrowIfNull(response);
        var status = (int)response.StatusCode;
        if (isHeadRequest || status is < 200 or 204 or 304)
        {
            // RFC 9112 §6.3: no body follows whatever these say, so their framing headers cannot desynchronise anything.
            return null;
        }

        var hasTransferEncoding = response.Headers.NonValidated.TryGetValues(TransferEncoding, out var codings);
        if (hasTransferEncoding && (codings.Count != 1 || !codings.ToString().Trim().Equals("chunked", StringComparison.OrdinalIgnoreCase)))
        {
            return Ambiguous(codings.Count != 1 ? "repeated Transfer-Encoding" : "a Transfer-Encoding other than chunked");
        }

        if (response.Content.Headers.NonValidated.TryGetValues(ContentLength, out var lengths))
        {
            if (hasTransferEncoding)
            {
                return Ambiguous("both Content-Length and Transfer-Encoding");
            }

            if (lengths.Count != 1)
            {
                return Ambiguous("duplicate Content-Length");
            }

            if (!IsDigits(lengths.ToString()))
            {
                return Ambiguous("invalid Content-Length");
            }
        }

        return null;
    }

    private static UpstreamFailure Ambiguous(string what) => new(UpstreamError.UpstreamFailed, $"ambiguous framing: {what}");

    private static bool IsDigits(string value) => value.Length > 0 && !value.AsSpan().ContainsAnyExceptInRange('0', '9');
}
