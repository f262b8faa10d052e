using System.Diagnostics;
using System.Net;
using CorsLab.Proxies.Core;
using CorsLab.Proxies.Core.Faults;
using CorsLab.Proxies.Core.Hosting;
using CorsLab.Proxies.Core.Telemetry;
using CorsLab.Proxies.Core.Upstream;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Forwarder;

namespace CorsLab.Proxies.Yarp;

/// <summary>
/// Forwards one validated request through <see cref="IHttpForwarder"/>:
/// 0. fault cpu-tax: spin its share of a request's cost first (<see cref="CpuTax"/>); fault added-latency: wait the set time;
/// 1. fault buffer-request: the client body into memory first (<see cref="RequestBodyBuffer"/>);
/// 2. fault buffer-response: the response body feature swapped for a buffer (<see cref="BufferedResponseBody"/>);
/// 3. <see cref="IHttpForwarder.SendAsync(HttpContext, string, HttpMessageInvoker, ForwarderRequestConfig, HttpTransformer, CancellationToken)"/>
///    with the contract's <see cref="ContractTransformer"/> and the <see cref="ResponseHeadDeadline"/>; YARP streams both bodies;
/// 4. an ambiguously framed upstream head the transformer refused, or a <see cref="ForwarderError"/>, becomes the contract's <see cref="UpstreamFailure"/> (<see cref="ForwarderErrorMapper"/>);
/// 5. fault buffer-response: the buffered body goes out with its Content-Length.
/// </summary>
internal sealed class YarpForwarder(IHttpForwarder forwarder, HttpMessageInvoker invoker, ProxyOptions options, ILogger logger) : IRequestForwarder
{
    private readonly ForwarderRequestConfig _config = new()
    {
        // YARP has one activity timer, reset on every read and write, covering the wait for the head and body idleness
        // in both directions; ProxyLimits.BodyIdleTimeout has no separate timer here (README, "Timeouts").
        ActivityTimeout = options.UpstreamHeadTimeout,
        // HTTP/1.1 upstream as the original gateway and the other engines; YARP's default (2.0 or lower) would
        // negotiate h2 with TLS upstreams and make the engines incomparable.
        Version = HttpVersion.Version11,
        VersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
    };

    private readonly bool _bufferRequest = options.Has(Fault.BufferRequest);
    private readonly bool _bufferResponse = options.Has(Fault.BufferResponse);
    private readonly bool _nagle = options.ClientNagle;
    private readonly CpuTax? _tax = CpuTax.For(options);

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
        if (options.Has(Fault.AddedLatency) && !await AddedLatencyWait.WaitAsync(options.AddedLatency, context.RequestAborted))
        {
            return UpstreamFailure.ClientAborted;
        }

        if (options.Has(Fault.HoldContinue))
        {
            ContinueHold.Apply(context.Request);
        }

        if (_bufferRequest && await RequestBodyBuffer.ReplaceAsync(context) is { } bodyFailure)
        {
            return bodyFailure;
        }

        using var span = ProxyTelemetry.StartUpstreamSpan(YarpEngine.EngineName, context.Request.Method, target.IdnHost, target.Port);

        // With a buffered response the head and body leave together from BufferedResponseBody, so the transformer must not start it.
        using var headDeadline = new ResponseHeadDeadline(options.UpstreamHeadTimeout);
        var transformer = new ContractTransformer(target, splitHeadFromBody: _nagle && !_bufferResponse, options.Has(Fault.RelayConnectionClose), headDeadline, span);
        var buffered = _bufferResponse ? BufferedResponseBody.Install(context) : null;
        ForwarderError error;
        using (UpgradeSuppression.Apply(context))
        {
            try
            {
                error = await forwarder.SendAsync(context, target.GetLeftPart(UriPartial.Authority), invoker, _config, transformer, headDeadline.Token);
            }
            finally
            {
                buffered?.Uninstall();
            }
        }

        if (error != ForwarderError.None)
        {
            span?.SetTag(ProxyTelemetry.AttrError, error.ToString());
        }

        if (transformer.AmbiguousResponse is { } ambiguous)
        {
            return ambiguous;
        }

        if (error != ForwarderError.None && !transformer.ResponseCompleted)
        {
            return ForwarderErrorMapper.Map(context, error, headDeadline.Passed, logger);
        }

        // The body is with the client now (under buffer-response, once the buffer is sent).
        var failure = buffered is null ? null : await buffered.SendAsync(splitHeadFromBody: _nagle);
        span?.AddEvent(new ActivityEvent(ProxyTelemetry.EventUpstreamEnd));
        return failure;
    }

    public void LogFailure(UpstreamFailure failure, Uri target) => logger.Failure(failure, target.Host);
}
