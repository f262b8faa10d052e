using CorsLab.Proxies.Core.Contract;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace CorsLab.Proxies.HttpClient;

/// <summary>Turns the client's request into the upstream request: method, target, end-to-end headers, streamed body.</summary>
internal static class UpstreamRequestFactory
{
    public static async ValueTask<HttpRequestMessage> CreateAsync(HttpContext context, Uri target, bool bufferBody, CancellationToken cancellationToken)
    {
        var request = context.Request;
        var message = new HttpRequestMessage(HttpMethod.Parse(request.Method), target)
        {
            Version = System.Net.HttpVersion.Version11,
            VersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
            Content = await CreateContentAsync(context, bufferBody, cancellationToken),
        };

        var connection = ConnectionTokens.Of(request.Headers.Connection);
        foreach (var (name, values) in request.Headers)
        {
            // Host comes from the target; Expect is answered by Kestrel on our side and by HttpClient on the other;
            // Content-Length is already the content's own.
            if (HopByHopHeaders.IsHopByHop(name, connection)
                || name.Equals(HeaderNames.Host, StringComparison.OrdinalIgnoreCase)
                || name.Equals(HeaderNames.Expect, StringComparison.OrdinalIgnoreCase)
                || name.Equals(HeaderNames.ContentLength, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (!message.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values))
            {
                message.Content?.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }

        return message;
    }

    private static async ValueTask<HttpContent?> CreateContentAsync(HttpContext context, bool bufferBody, CancellationToken cancellationToken)
    {
        var request = context.Request;
        var hasBody = context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody ?? false;
        if (!hasBody)
        {
            // An explicit "Content-Length: 0" is part of the request and goes upstream as sent.
            return request.ContentLength == 0 ? new ByteArrayContent([]) : null;
        }

        if (bufferBody)
        {
            // Fault buffer-request: the whole body in memory before a byte goes upstream.
            var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, cancellationToken);
            return new ByteArrayContent(buffer.GetBuffer(), 0, (int)buffer.Length);
        }

        var content = new StreamContent(request.Body, UpstreamLimits.CopyBufferSize);
        if (request.ContentLength is { } length)
        {
            content.Headers.ContentLength = length;
        }

        return content;
    }
}
