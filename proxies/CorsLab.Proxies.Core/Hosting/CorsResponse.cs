using CorsLab.Proxies.Core.Contract;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace CorsLab.Proxies.Core.Hosting;

/// <summary>Writes the contract's CORS headers onto a Kestrel response, replacing the upstream's.</summary>
public static class CorsResponse
{
    public static void Apply(HttpContext context)
    {
        var headers = context.Response.Headers;
        List<string>? upstreamCors = null;
        foreach (var header in headers)
        {
            if (CorsHeaders.IsCorsHeader(header.Key))
            {
                (upstreamCors ??= []).Add(header.Key);
            }
        }

        if (upstreamCors is not null)
        {
            foreach (var name in upstreamCors)
            {
                headers.Remove(name);
            }
        }

        string? origin = context.Request.Headers[HeaderNames.Origin];
        string? vary = headers.Vary;
        CorsHeaders.Apply(origin, vary, headers, static (h, name, value) => h[name] = value);
    }

    /// <summary>A complete small response of the contract: status, CORS headers, a text body.</summary>
    public static Task WriteAsync(HttpContext context, int statusCode, string body)
    {
        var response = context.Response;
        response.StatusCode = statusCode;
        Apply(context);
        response.ContentType = ContractMessages.TextPlain;
        return response.WriteAsync(body, context.RequestAborted);
    }
}
