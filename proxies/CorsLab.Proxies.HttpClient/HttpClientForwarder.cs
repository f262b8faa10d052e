using System.Diagnostics;
using CorsLab.Proxies.Core;
using CorsLab.Proxies.Core.Faults;
using CorsLab.Proxies.Core.Hosting;
using CorsLab.Proxies.Core.Telemetry;
using CorsLab.Proxies.Core.Upstream;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CorsLab.Proxies.HttpClient;

/// <summary>
/// Forwards one request through <see cref="System.Net.Http.HttpClient"/>:
/// 0. under the cpu-tax fault, spin its share of a request's cost (<see cref="CpuTax"/>); under added-latency, wait the set time;
/// 1. build the upstream request (body streamed, or buffered under the buffer-request fault);
/// 2. send it, waiting at most the response-head timeout for the head;
/// 3. refuse an ambiguously framed upstream head (502), else copy status and headers, apply CORS;
/// 4. stream the body (or buffer it under buffer-response), each chunk within the idle timeout.
/// </summary>
internal sealed class HttpClientForwarder(System.Net.Http.HttpClient client, ProxyOptions options, ILogger logger) : IRequestForwarder
{
    private readonly CpuTax? _tax = CpuTax.For(options);

    public void LogFailure(UpstreamFailure failure, Uri target) => logger.Failure(failure, target.Host);

    public async ValueTask<UpstreamFailure?> ForwardAsync(HttpContext context, Uri target)
    {
        if (_tax is null)
        {
            return await ForwardUntaxedAsync(context, target);
        }

        var started = _tax.Levy();
        var failure = await ForwardUntaxedAsync(context, target);
        _tax.Record(started);
        return failure;
    }

    private async ValueTask<UpstreamFailure?> ForwardUntaxedAsync(HttpContext context, Uri target)
    {
        var clientAborted = context.RequestAborted;
        if (options.Has(Fault.AddedLatency) && !await AddedLatencyWait.WaitAsync(options.AddedLatency, clientAborted))
        {
            return UpstreamFailure.ClientAborted;
        }

        if (options.Has(Fault.HoldContinue))
        {
            ContinueHold.Apply(context.Request);
        }

        using var span = ProxyTelemetry.StartUpstreamSpan(HttpClientEngine.EngineName, context.Request.Method, target.IdnHost, target.Port);
        using var headTimeout = CancellationTokenSource.CreateLinkedTokenSource(clientAborted);
        headTimeout.CancelAfter(options.UpstreamHeadTimeout);

        // The request lives until the response is done: with /echo-like upstreams its body is still being sent.
        HttpRequestMessage? request = null;
        HttpResponseMessage upstream;
        try
        {
            request = await UpstreamRequestFactory.CreateAsync(context, target, options.Has(Fault.BufferRequest), headTimeout.Token);
            upstream = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, headTimeout.Token);

            // The head is in; the token still guards a request body being uploaded, so stop its clock.
            headTimeout.CancelAfter(Timeout.InfiniteTimeSpan);
        }
        catch (Exception error) when (error is HttpRequestException or OperationCanceledException or IOException)
        {
            request?.Dispose();
            var failure = UpstreamFailure.From(error, clientAborted.IsCancellationRequested, headTimeout.IsCancellationRequested);
            span?.SetTag(ProxyTelemetry.AttrError, failure.Error.ToString());
            return failure;
        }

        span?.SetTag(ProxyTelemetry.AttrStatus, (int)upstream.StatusCode);
        span?.AddEvent(new ActivityEvent(ProxyTelemetry.EventUpstreamHead));

        using (request)
        using (upstream)
        {
            if (UpstreamResponseFraming.Check(upstream, HttpMethods.IsHead(context.Request.Method)) is { } ambiguous)
            {
                return ambiguous;
            }

            ResponseHeaderCopier.Copy(upstream, context.Response);
            if (options.Has(Fault.RelayConnectionClose))
            {
                ConnectionCloseRelay.Apply(upstream, context.Response);
            }

            CorsResponse.Apply(context);
            var sent = options.Has(Fault.BufferResponse)
                ? await SendBufferedAsync(context, upstream)
                : await SendStreamedAsync(context, upstream);
            span?.AddEvent(new ActivityEvent(ProxyTelemetry.EventUpstreamEnd));
            return sent;
        }
    }

    private async ValueTask<UpstreamFailure?> SendStreamedAsync(HttpContext context, HttpResponseMessage upstream)
    {
        var clientAborted = context.RequestAborted;
        if (options.ClientNagle)
        {
            // Faults nagle and nagle-accepted: the head goes out when the upstream's arrives, in a write of its own,
            // so the body's first write waits on its ACK.
            await context.Response.StartAsync(clientAborted);
            await context.Response.Body.FlushAsync(clientAborted);
        }

        await using var body = await upstream.Content.ReadAsStreamAsync(clientAborted);
        var result = await StreamCopier.CopyAsync(body, context.Response.Body, options.UpstreamBodyIdleTimeout, clientAborted);
        return result switch
        {
            StreamCopyResult.Completed => null,
            StreamCopyResult.SourceFailed => new UpstreamFailure(UpstreamError.UpstreamBodyFailed, "upstream response body failed"),
            StreamCopyResult.IdleTimeout => new UpstreamFailure(UpstreamError.UpstreamTimeout, "upstream body idle timeout"),
            _ => new UpstreamFailure(UpstreamError.ClientAborted, "client aborted"),
        };
    }

    private async ValueTask<UpstreamFailure?> SendBufferedAsync(HttpContext context, HttpResponseMessage upstream)
    {
        byte[] body;
        try
        {
            // Fault buffer-response: nothing reaches the client until the upstream's last byte is in memory.
            body = await upstream.Content.ReadAsByteArrayAsync(context.RequestAborted);
        }
        catch (Exception error) when (error is HttpRequestException or OperationCanceledException or IOException)
        {
            return UpstreamFailure.From(error, context.RequestAborted.IsCancellationRequested, timedOut: false);
        }

        if (context.Response.StatusCode is >= 200 and not 204 and not 304 && !HttpMethods.IsHead(context.Request.Method))
        {
            context.Response.ContentLength = body.Length;
        }

        await context.Response.Body.WriteAsync(body, context.RequestAborted);
        return null;
    }
}
