using Microsoft.AspNetCore.Http;

namespace CorsLab.Origin.Endpoints;

/// <summary>
/// <c>GET /page</c>: an empty HTML page for the browser suite. The suite injects its own script, so the page carries
/// none; it exists to give the browser a document on the page listener's origin to run <c>fetch</c> from.
/// </summary>
internal static class PageEndpoint
{
    private const string Html = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>corslab browser page</title><link rel="icon" href="data:,"></head>
        <body><p>CorsLab browser suite page.</p></body></html>
        """;

    public static Task HandleAsync(HttpContext context)
    {
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync(Html, context.RequestAborted);
    }
}
