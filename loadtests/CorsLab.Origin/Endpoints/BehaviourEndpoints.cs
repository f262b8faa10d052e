using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace CorsLab.Origin.Endpoints;

/// <summary>Endpoints with a behaviour rather than a payload: waits, statuses, redirects, CORS, health.</summary>
internal static class BehaviourEndpoints
{
    /// <summary>Longest wait: ten minutes, longer than any proxy timeout the lab sets.</summary>
    private const int MaxWaitMs = 600_000;

    private const int MaxRedirects = 1_000;

    /// <summary><c>GET /delay/{ms}</c>: waits, then 200 <c>delayed {ms}</c>.</summary>
    public static async Task DelayAsync(HttpContext context)
    {
        if (!Args.TryRoute(context, "ms", 0, MaxWaitMs, out var ms))
        {
            await Args.BadRequestAsync(context, "ms", 0, MaxWaitMs);
            return;
        }

        await Task.Delay(TimeSpan.FromMilliseconds(ms), context.RequestAborted);
        context.Response.ContentType = "text/plain";
        await context.Response.WriteAsync(string.Create(CultureInfo.InvariantCulture, $"delayed {ms}"));
    }

    /// <summary>
    /// <c>GET /slow-head/{ms}</c>: nothing at all for ms, then the head and <c>slow head {ms}</c>. The wait ends
    /// when the client goes away.
    /// </summary>
    public static async Task SlowHeadAsync(HttpContext context)
    {
        if (!Args.TryRoute(context, "ms", 0, MaxWaitMs, out var ms))
        {
            await Args.BadRequestAsync(context, "ms", 0, MaxWaitMs);
            return;
        }

        await Task.Delay(TimeSpan.FromMilliseconds(ms), context.RequestAborted);
        context.Response.ContentType = "text/plain";
        await context.Response.StartAsync(context.RequestAborted);
        await context.Response.WriteAsync(string.Create(CultureInfo.InvariantCulture, $"slow head {ms}"));
    }

    /// <summary>
    /// <c>GET /status/{code}</c>: that status, body <c>status {code}</c>; no body for 204, 205 and 304.
    /// 1xx is refused (400): an interim status as the final one would leave the client waiting for a response.
    /// </summary>
    public static Task StatusAsync(HttpContext context)
    {
        if (!Args.TryRoute(context, "code", 200, 599, out var code))
        {
            return Args.BadRequestAsync(context, "code", 200, 599);
        }

        var response = context.Response;
        response.StatusCode = (int)code;
        if (code is 204 or 205 or 304)
        {
            return Task.CompletedTask;
        }

        response.ContentType = "text/plain";
        return response.WriteAsync(string.Create(CultureInfo.InvariantCulture, $"status {code}"));
    }

    /// <summary><c>GET /redirect/{n}</c>: 302 to the relative <c>/redirect/{n-1}</c>, or 200 <c>done</c> at 0.</summary>
    public static Task RedirectAsync(HttpContext context)
    {
        if (!Args.TryRoute(context, "n", 0, MaxRedirects, out var n))
        {
            return Args.BadRequestAsync(context, "n", 0, MaxRedirects);
        }

        var response = context.Response;
        if (n == 0)
        {
            response.ContentType = "text/plain";
            return response.WriteAsync("done");
        }

        response.StatusCode = StatusCodes.Status302Found;
        response.Headers.Location = string.Create(CultureInfo.InvariantCulture, $"/redirect/{n - 1}");
        response.ContentLength = 0;
        return Task.CompletedTask;
    }

    /// <summary><c>GET /cors</c>: the upstream's own CORS headers, which a proxy must replace.</summary>
    public static Task CorsAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.AccessControlAllowOrigin = "https://upstream.example";
        headers.AccessControlAllowMethods = "GET";
        headers.AccessControlAllowHeaders = "x-upstream";
        headers.AccessControlAllowCredentials = "false";
        headers.AccessControlExposeHeaders = "x-upstream";
        context.Response.ContentType = "text/plain";
        return context.Response.WriteAsync("cors");
    }

    /// <summary><c>GET /healthz</c>: <c>ok</c>, for readiness checks.</summary>
    public static Task HealthAsync(HttpContext context)
    {
        context.Response.ContentType = "text/plain";
        return context.Response.WriteAsync("ok");
    }
}
