using CorsLab.Proxies.Core.Upstream;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace CorsLab.Proxies.Yarp;

/// <summary>
/// Fault buffer-request: reads the whole client body into memory before a byte goes upstream, then hands YARP the
/// buffer as the request body with a Content-Length (YARP reads <c>HttpRequest.Body</c> and copies the header).
/// </summary>
internal static class RequestBodyBuffer
{
    // Pre-size for a declared length up to 1 MB; beyond that MemoryStream grows by doubling like any naive buffer.
    private const int MaxInitialCapacity = 1024 * 1024;

    /// <returns>null when the body was replaced (or there is none); otherwise why it could not be read.</returns>
    public static async ValueTask<UpstreamFailure?> ReplaceAsync(HttpContext context)
    {
        var request = context.Request;
        if (context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody != true)
        {
            return null;
        }

        var buffer = new MemoryStream((int)Math.Clamp(request.ContentLength ?? 0, 0, MaxInitialCapacity));
        try
        {
            await request.Body.CopyToAsync(buffer, context.RequestAborted);
        }
        catch (Exception error) when (error is IOException or BadHttpRequestException or OperationCanceledException)
        {
            return context.RequestAborted.IsCancellationRequested
                ? new UpstreamFailure(UpstreamError.ClientAborted, "client aborted")
                : new UpstreamFailure(UpstreamError.ClientBodyFailed, error.Message);
        }

        buffer.Position = 0;
        request.Body = buffer;
        // Chunked from the client, sized now: YARP would drop a Content-Length that sits beside a Transfer-Encoding.
        request.Headers.Remove(HeaderNames.TransferEncoding);
        request.ContentLength = buffer.Length;
        return null;
    }
}
