using Microsoft.AspNetCore.Http;

namespace CorsLab.Origin.Endpoints;

/// <summary>
/// Endpoints pass <see cref="HttpContext.RequestAborted"/> to every wait and write; when the client goes away
/// the resulting cancellation ends the request here, in one place, as the normal outcome it is.
/// </summary>
internal sealed class AbortedRequestMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
        }
    }
}
