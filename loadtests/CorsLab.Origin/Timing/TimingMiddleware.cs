using System.Diagnostics;
using CorsLab.Protocol;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace CorsLab.Origin.Timing;

/// <summary>
/// The first middleware. For a request carrying <c>x-corslab-id</c> (and not aimed at <c>/_corslab/*</c>):
/// <code>
///   1. head in       clock read before anything else
///   2. wrap          request body stream, response body feature (stream + pipe), OnStarting
///   3. run           the endpoint
///   4. restore       the server's features, so the server completes the response as usual
///   5. publish       in OnCompleted (after the server's final flush): final status, aborted or not
/// </code>
/// Requests without the header pay one header lookup.
/// </summary>
internal sealed class TimingMiddleware(RequestDelegate next, TimingStore store)
{

    public static readonly PathString ControlPath = new("/_corslab");

    public Task InvokeAsync(HttpContext context)
    {
        // 1. head in
        var headIn = Stopwatch.GetTimestamp();
        var id = context.Request.Headers[CorrelationHeader.Name];
        if (id.Count == 0 || context.Request.Path.StartsWithSegments(ControlPath))
        {
            return next(context);
        }

        return RecordAsync(context, id.ToString(), headIn);
    }

    private async Task RecordAsync(HttpContext context, string id, long headIn)
    {
        // 2. wrap
        var target = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        var capture = new TimingCapture(context, store, id, target, headIn);
        var request = context.Request;
        var originalBody = request.Body;
        var originalFeature = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        var feature = new TimingResponseBodyFeature(originalFeature, capture);
        request.Body = new TimingRequestStream(originalBody, capture);
        context.Features.Set<IHttpResponseBodyFeature>(feature);
        context.Response.OnStarting(static state => OnStarting((TimingCapture)state), capture);
        context.Response.OnCompleted(static state => OnCompleted((TimingResponseBodyFeature)state), feature);
        try
        {
            // 3. run
            await next(context);
        }
        finally
        {
            // 4. restore
            context.Features.Set(originalFeature);
            request.Body = originalBody;
        }
    }

    private static Task OnStarting(TimingCapture capture)
    {
        capture.OnResponseStarting();
        return Task.CompletedTask;
    }

    private static Task OnCompleted(TimingResponseBodyFeature feature)
    {
        // 5. publish
        feature.OnResponseCompleted();
        return Task.CompletedTask;
    }
}
