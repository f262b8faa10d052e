using System.Diagnostics;
using CorsLab.Protocol;
using CorsLab.Proxies.Core.Contract;
using CorsLab.Proxies.Core.Telemetry;
using CorsLab.Proxies.Core.Upstream;
using Microsoft.AspNetCore.Http;

namespace CorsLab.Proxies.Core.Hosting;

/// <summary>
/// The contract in front of a Kestrel-based engine: routing, preflight, health, url validation and the
/// mapping of forwarding failures to responses. Engines only forward.
/// </summary>
public sealed class ContractFrontEnd(IRequestForwarder forwarder, string engineName)
{
    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        switch (RouteClassifier.Classify(request.Method, request.Path.Value))
        {
            case RouteKind.Health:
                context.Response.ContentType = ContractMessages.TextPlain;
                await context.Response.WriteAsync(ContractMessages.HealthOk, context.RequestAborted);
                return;
            case RouteKind.NotFound:
                await CorsResponse.WriteAsync(context, StatusCodes.Status404NotFound, ContractMessages.RouteNotFound);
                return;
            case RouteKind.Preflight:
                context.Response.StatusCode = StatusCodes.Status204NoContent;
                CorsResponse.Apply(context);
                return;
        }

        var status = TargetUrlParser.Parse(request.QueryString.Value, out var target);
        if (status != TargetUrlStatus.Valid)
        {
            var message = status == TargetUrlStatus.Missing ? ContractMessages.MissingUrl : ContractMessages.InvalidUrl;
            await CorsResponse.WriteAsync(context, StatusCodes.Status400BadRequest, message);
            return;
        }

        using var activity = StartServerSpan(context, target!);
        var failure = await forwarder.ForwardAsync(context, target!);
        if (failure is not { } failed)
        {
            activity?.SetTag(ProxyTelemetry.AttrStatus, context.Response.StatusCode);
            return;
        }

        activity?.SetTag(ProxyTelemetry.AttrError, failed.Error.ToString());
        activity?.SetStatus(ActivityStatusCode.Error, failed.Reason);
        if (failed.Error == UpstreamError.ClientAborted)
        {
            return;
        }

        if (context.Response.HasStarted || failed.StatusCode == 0)
        {
            // Half a response must not look complete: abort so the client sees a broken stream, not a clean short body.
            context.Abort();
            return;
        }

        context.Response.Headers.Clear();
        await CorsResponse.WriteAsync(context, failed.StatusCode, failed.Body);
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

        return activity;
    }
}
