using CorsLab.Proxies.Core.Upstream;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace CorsLab.Proxies.Yarp;

/// <summary>
/// Fault buffer-response: YARP writes the upstream body into memory through a swapped <see cref="IHttpResponseBodyFeature"/>;
/// only once the upstream finished does the body go to the client, with its Content-Length.
/// </summary>
internal sealed class BufferedResponseBody
{
    private readonly HttpContext _context;
    private readonly IHttpResponseBodyFeature _original;
    private readonly MemoryStream _buffer = new();

    private BufferedResponseBody(HttpContext context, IHttpResponseBodyFeature original)
    {
        _context = context;
        _original = original;
    }

    public static BufferedResponseBody Install(HttpContext context)
    {
        var original = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        var buffered = new BufferedResponseBody(context, original);
        // StreamResponseBodyFeature's StartAsync only flushes its stream: nothing reaches Kestrel while it is installed.
        context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(buffered._buffer, original));
        return buffered;
    }

    /// <summary>Puts Kestrel's own body feature back, before any error response or the buffered send.</summary>
    public void Uninstall() => _context.Features.Set(_original);

    /// <param name="splitHeadFromBody">Fault nagle as well: head and body in separate writes.</param>
    public async ValueTask<UpstreamFailure?> SendAsync(bool splitHeadFromBody)
    {
        var response = _context.Response;
        var aborted = _context.RequestAborted;
        if (MayCarryContentLength(_context.Request, response.StatusCode))
        {
            response.ContentLength = _buffer.Length;
        }

        try
        {
            if (splitHeadFromBody)
            {
                await response.StartAsync(aborted);
                await response.Body.FlushAsync(aborted);
            }

            await response.Body.WriteAsync(_buffer.GetBuffer().AsMemory(0, (int)_buffer.Length), aborted);
            return null;
        }
        catch (Exception error) when (error is IOException or OperationCanceledException)
        {
            return new UpstreamFailure(UpstreamError.ClientAborted, "client aborted");
        }
    }

    // RFC 9110 §8.6: none on 1xx/204; a HEAD or 304 keeps the upstream's, which describes the body not sent.
    private static bool MayCarryContentLength(HttpRequest request, int status) =>
        status is >= 200 and not 204 and not 304 && !HttpMethods.IsHead(request.Method);
}
