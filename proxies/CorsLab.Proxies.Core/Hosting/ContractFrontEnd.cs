using System.Diagnostics;
using System.Text;
using CorsLab.Protocol;
using CorsLab.Proxies.Core.Contract;
using CorsLab.Proxies.Core.Telemetry;
using CorsLab.Proxies.Core.Upstream;
using Microsoft.AspNetCore.Http;

namespace CorsLab.Proxies.Core.Hosting;

/// <summary>
/// The contract in front of a Kestrel-based engine: the framing rules Kestrel leaves open, routing, preflight, health,
/// url validation and the mapping of forwarding failures to responses, counted and logged here. Engines only forward.
/// </summary>
public sealed class ContractFrontEnd(IRequestForwarder forwarder, string engineName, ProxyMetrics metrics)
{
    public async Task HandleAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        var error = UpstreamError.None;
        try
        {
            error = await RespondAsync(context);
        }
        finally
        {
            // Abort (ours or the client's) fires RequestAborted: no status reached the client then.
            var status = context.RequestAborted.IsCancellationRequested ? 0 : context.Response.StatusCode;
            metrics.RequestHandled(started, context.Request.Method, status, error);
        }
    }

    private async Task<UpstreamError> RespondAsync(HttpContext context)
    {
        var request = context.Request;
        if (RequestFramingCheck.Check(request) is { } rejection)
        {
            await RejectAsync(context, rejection);
            return UpstreamError.None;
        }

        switch (RouteClassifier.Classify(request.Method, request.Path.Value))
        {
            case RouteKind.Health:
                context.Response.ContentType = ContractMessages.TextPlain;
                await context.Response.WriteAsync(ContractMessages.HealthOk, context.RequestAborted);
                return UpstreamError.None;
            case RouteKind.NotFound:
                await CorsResponse.WriteAsync(context, StatusCodes.Status404NotFound, ContractMessages.RouteNotFound);
                return UpstreamError.None;
            case RouteKind.Preflight:
                context.Response.StatusCode = StatusCodes.Status204NoContent;
                CorsResponse.Apply(context);
                return UpstreamError.None;
        }

        var status = TargetUrlParser.Parse(request.QueryString.Value, out var target);
        if (status != TargetUrlStatus.Valid)
        {
            var message = status == TargetUrlStatus.Missing ? ContractMessages.MissingUrl : ContractMessages.InvalidUrl;
            await CorsResponse.WriteAsync(context, StatusCodes.Status400BadRequest, message);
            return UpstreamError.None;
        }

        using var activity = StartServerSpan(context, target!);
        metrics.RequestForwarded();
        var failure = await forwarder.ForwardAsync(context, target!);
        if (failure is not { } failed)
        {
            activity?.SetTag(ProxyTelemetry.AttrStatus, context.Response.StatusCode);
            return UpstreamError.None;
        }

        metrics.ForwardFailed(failed);
        forwarder.LogFailure(failed, target!);
        activity?.SetTag(ProxyTelemetry.AttrError, failed.Error.ToString());
        activity?.SetStatus(ActivityStatusCode.Error, failed.Reason);
        if (failed.Error == UpstreamError.ClientAborted)
        {
            return failed.Error;
        }

        if (context.Response.HasStarted || failed.StatusCode == 0)
        {
            // Half a response must not look complete: abort so the client sees a broken stream, not a clean short body.
            context.Abort();
            return failed.Error;
        }

        context.Response.Headers.Clear();
        await CorsResponse.WriteAsync(context, failed.StatusCode, failed.Body);
        return failed.Error;
    }

    /// <summary>
    /// Answers a head whose framing cannot be trusted, as the `pipelines` engine does: nothing is forwarded, the body is not
    /// read, and the connection closes after the answer, since where this request ends (and the next begins) is unknown.
    /// </summary>
    private static Task RejectAsync(HttpContext context, RequestFramingRejection rejection)
    {
        var response = context.Response;
        response.Headers.Connection = "close";
        response.ContentLength = Encoding.UTF8.GetByteCount(rejection.Message);
        return CorsResponse.WriteAsync(context, rejection.StatusCode, rejection.Message);
    }

    private Activity? StartServerSpan(HttpContext context, Uri target)
    {
        if (!ProxyTelemetry.Source.HasListeners())
        {
            return null;
        }

        var activity = ProxyTelemetry.Source.StartActivity(ProxyTelemetry.ServerSpan, ActivityKind.Server);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(ProxyTelemetry.AttrEngine, engineName);
            activity.SetTag(ProxyTelemetry.AttrMethod, context.Request.Method);
            activity.SetTag(ProxyTelemetry.AttrUrl, target.AbsoluteUri);
            activity.SetTag(ProxyTelemetry.AttrRequestId, context.Request.Headers[CorrelationHeader.Name].ToString());
        }

        if (activity is not null)
        {
            // Kestrel calls this as the head is committed: the proxy's first byte out, whichever engine wrote it.
            context.Response.OnStarting(static state =>
            {
                ((Activity)state).AddEvent(new ActivityEvent(ProxyTelemetry.EventFirstByteOut));
                return Task.CompletedTask;
            }, activity);
        }

        return activity;
    }
}
