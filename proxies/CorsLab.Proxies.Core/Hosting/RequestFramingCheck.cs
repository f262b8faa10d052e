using System.Buffers;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace CorsLab.Proxies.Core.Hosting;

/// <summary>
/// The request-head rules Kestrel leaves to the application, checked before anything is forwarded, so the Kestrel-based
/// engines refuse what the `pipelines` parser refuses (its README, "Security rules"). Kestrel already answers 400 for
/// duplicate or list-valued Content-Length, a final coding other than chunked, obsolete folding, bare CR, NUL, a missing or
/// repeated Host, and (with the switch <see cref="KestrelProxyHost"/> sets) bare LF. What it lets through, and this refuses:
/// <list type="bullet">
/// <item>Content-Length beside Transfer-Encoding: Kestrel follows the chunked framing and renames the length to
/// <c>X-Content-Length</c>, so that pair of names is the only trace left (a client sending <c>X-Content-Length</c> itself
/// with a Transfer-Encoding is refused too);</item>
/// <item>Transfer-Encoding on HTTP/1.0 (RFC 9112 §6.1), <c>chunked</c> more than once, another coding under <c>chunked</c> (501);</item>
/// <item>a header name that is not a token, or a value holding a control character other than HTAB, or DEL.</item>
/// </list>
/// A front proxy that reads any of these differently from us could frame the connection's next request differently.
/// Out of reach here: Kestrel parses <c>Content-Length: +5</c> as 5 and keeps only the number, and it accepts chunk
/// extensions of any length without exposing them, so neither can be refused by the Kestrel-based engines.
/// </summary>
internal static class RequestFramingCheck
{
    /// <summary>Kestrel's name for a Content-Length it dropped because a Transfer-Encoding came with it.</summary>
    private const string RenamedContentLength = "X-Content-Length";

    private const string Chunked = "chunked";

    /// <summary>RFC 9110 §5.6.2 tchar.</summary>
    private static readonly SearchValues<char> TokenChars =
        SearchValues.Create("!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    /// <summary>RFC 9110 §5.5: controls other than HTAB, and DEL, may not appear in a field value.</summary>
    private static readonly SearchValues<char> InvalidValueChars = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000A\u000B\u000C\u000D\u000E\u000F"
        + "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\u007F");

    /// <returns>null when the head frames its body one way only; otherwise the answer to give instead of forwarding.</returns>
    public static RequestFramingRejection? Check(HttpRequest request)
    {
        var headers = request.Headers;
        foreach (var (name, values) in headers)
        {
            if (name.AsSpan().IndexOfAnyExcept(TokenChars) >= 0)
            {
                return RequestFramingRejection.InvalidHeaderName;
            }

            foreach (var value in values)
            {
                if (value.AsSpan().IndexOfAny(InvalidValueChars) >= 0)
                {
                    return RequestFramingRejection.InvalidHeaderValue;
                }
            }
        }

        var transferEncoding = headers.TransferEncoding;
        if (transferEncoding.Count == 0)
        {
            return null;
        }

        if (headers.ContainsKey(RenamedContentLength))
        {
            return RequestFramingRejection.ContentLengthWithTransferEncoding;
        }

        if (HttpProtocol.IsHttp10(request.Protocol))
        {
            return RequestFramingRejection.TransferEncodingInHttp10;
        }

        return CheckCodings(transferEncoding);
    }

    /// <summary>RFC 9112 §6.1: <c>chunked</c> exactly once and last; Kestrel has already refused a final coding other than chunked.</summary>
    private static RequestFramingRejection? CheckCodings(StringValues transferEncoding)
    {
        var chunked = 0;
        var others = 0;
        foreach (var value in transferEncoding)
        {
            foreach (var range in value.AsSpan().Split(','))
            {
                var coding = value.AsSpan(range).Trim(" \t");
                if (coding.IsEmpty)
                {
                    continue;
                }

                if (coding.Equals(Chunked, StringComparison.OrdinalIgnoreCase))
                {
                    chunked++;
                }
                else
                {
                    others++;
                }
            }
        }

        if (chunked != 1)
        {
            return RequestFramingRejection.ChunkedNotOnce;
        }

        // gzip etc. under chunked: forwarding re-chunks the body and drops the coding's label; RFC 9112 §6.1 says 501.
        return others > 0 ? RequestFramingRejection.UnsupportedTransferCoding : null;
    }
}
