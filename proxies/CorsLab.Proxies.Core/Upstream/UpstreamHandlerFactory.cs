using System.Diagnostics;
using System.Net;
using CorsLab.Proxies.Core.Faults;
using CorsLab.Proxies.Core.Telemetry;

namespace CorsLab.Proxies.Core.Upstream;

/// <summary>The <see cref="SocketsHttpHandler"/> the Kestrel-based engines share: policy, trust, timeouts, pooling faults.</summary>
public static class UpstreamHandlerFactory
{
    /// <summary>
    /// The handler engines forward through: <see cref="Create"/> with request bodies flushed chunk by chunk, inside the
    /// white-box faults when asked for.
    /// </summary>
    public static HttpMessageHandler CreateStreaming(ProxyOptions options)
    {
        var streaming = new FlushingRequestHandler(Create(options));
        return WhiteBoxFaultHandler.AppliesTo(options) ? new WhiteBoxFaultHandler(streaming, options) : streaming;
    }

    public static SocketsHttpHandler Create(ProxyOptions options)
    {
        var connector = new UpstreamConnector(options.Policy, noDelay: !options.Has(Fault.Nagle), options.Limits.MaxConnections);
        return new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            ConnectTimeout = options.Limits.ConnectTimeout,
            // A zero lifetime closes each connection after one exchange: a real new connection per request.
            PooledConnectionLifetime = options.Has(Fault.NoPooling) ? TimeSpan.Zero : Timeout.InfiniteTimeSpan,
            MaxConnectionsPerServer = options.Has(Fault.PoolLimit) ? options.PoolLimit : int.MaxValue,
            ConnectCallback = options.Has(Fault.NoStaleCheck)
                ? async (context, cancellationToken) => new StaleBlindStream(await connector.ConnectAsync(context, cancellationToken))
                : connector.ConnectAsync,
            SslOptions = { RemoteCertificateValidationCallback = UpstreamTrust.CreateValidator(options.UpstreamCaPath) },
            // Upstreams may answer with large headers (cookies, tokens); the client side limit is Kestrel's.
            MaxResponseHeadersLength = 64,
            // No traceparent upstream (the contract adds none). Without any propagator the handler also makes no client
            // spans, so a traced process (its tracer provider listens before the engine starts) gets the no-output one.
            ActivityHeadersPropagator = ProxyTelemetry.Source.HasListeners() ? DistributedContextPropagator.CreateNoOutputPropagator() : null,
        };
    }
}
