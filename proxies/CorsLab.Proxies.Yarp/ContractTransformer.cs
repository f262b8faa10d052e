using System.Diagnostics;
using System.Net.Http.Headers;
using CorsLab.Proxies.Core.Contract;
using CorsLab.Proxies.Core.Faults;
using CorsLab.Proxies.Core.Hosting;
using CorsLab.Proxies.Core.Telemetry;
using CorsLab.Proxies.Core.Upstream;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Yarp.ReverseProxy.Forwarder;

namespace CorsLab.Proxies.Yarp;

/// <summary>
/// The contract's forwarding rules on top of YARP's header copy. One instance per request: it carries the target.
/// <para>
/// Request: YARP's base copies every header except its own hop-by-hop list (Connection, Keep-Alive, Proxy-Connection,
/// TE, Transfer-Encoding, Upgrade and a few proxy-auth/HTTP2 names). This adds what the contract also strips
/// (<c>Trailer</c> and every name listed in <c>Connection</c>), drops the client's <c>Host</c> so the target's is
/// written, and sets the URI to the target itself, so the proxy's own <c>?url=…</c> never travels.
/// Subclassing the base class (not <see cref="HttpTransformer.Default"/>) means no X-Forwarded-* headers: the
/// original gateway added none.
/// </para>
/// <para>
/// Response: YARP's base copies headers with the same list; this strips the rest of the hop-by-hop set, including
/// names listed in the upstream's <c>Connection</c>, then applies the contract's CORS headers.
/// </para>
/// <para>The upstream span, when traced, gets the head event and the upstream status here.</para>
/// </summary>
internal sealed class ContractTransformer(Uri target, bool splitHeadFromBody, bool relayConnectionClose, ResponseHeadDeadline headDeadline, Activity? upstreamSpan) : HttpTransformer
{
    /// <summary>Set once YARP copied the whole response body; a request-body error reported after that changes nothing for the client.</summary>
    public bool ResponseCompleted { get; private set; }

    public override async ValueTask TransformRequestAsync(HttpContext httpContext, HttpRequestMessage proxyRequest, string destinationPrefix, CancellationToken cancellationToken)
    {
        await base.TransformRequestAsync(httpContext, proxyRequest, destinationPrefix, cancellationToken);

        var headers = httpContext.Request.Headers;
        var connection = ConnectionTokens.Of(headers.Connection);
        foreach (var header in headers)
        {
            if (HopByHopHeaders.IsHopByHop(header.Key, connection))
            {
                Remove(proxyRequest.Headers, header.Key);
                if (proxyRequest.Content is { } content)
                {
                    Remove(content.Headers, header.Key);
                }
            }
        }

        // Null lets SocketsHttpHandler write the target's authority; the base copied the client's Host (the proxy's own).
        proxyRequest.Headers.Host = null;
        proxyRequest.RequestUri = target;
    }

    /// <summary>Set when the upstream framed its body ambiguously; YARP then copies nothing and the forwarder reports this (502).</summary>
    public UpstreamFailure? AmbiguousResponse { get; private set; }

    public override async ValueTask<bool> TransformResponseAsync(HttpContext httpContext, HttpResponseMessage? proxyResponse, CancellationToken cancellationToken)
    {
        headDeadline.HeadArrived();
        if (upstreamSpan is not null && proxyResponse is not null)
        {
            upstreamSpan.SetTag(ProxyTelemetry.AttrStatus, (int)proxyResponse.StatusCode);
            upstreamSpan.AddEvent(new ActivityEvent(ProxyTelemetry.EventUpstreamHead));
        }

        // Before YARP's copy: it would drop a Content-Length that came with a Transfer-Encoding and forward the rest.
        if (proxyResponse is not null && UpstreamResponseFraming.Check(proxyResponse, HttpMethods.IsHead(httpContext.Request.Method)) is { } ambiguous)
        {
            AmbiguousResponse = ambiguous;
            return false;
        }

        // Null on an error: YARP has set the status and ContractFrontEnd writes the contract's error response.
        if (!await base.TransformResponseAsync(httpContext, proxyResponse, cancellationToken) || proxyResponse is null)
        {
            return false;
        }

        var responseHeaders = httpContext.Response.Headers;
        var connection = proxyResponse.Headers.NonValidated.TryGetValues(HeaderNames.Connection, out var listed) ? ConnectionTokens.Of(listed) : ConnectionTokens.None;
        RemoveHopByHop(proxyResponse.Headers, connection, responseHeaders);
        if (proxyResponse.Content is { } content)
        {
            RemoveHopByHop(content.Headers, connection, responseHeaders);
        }

        if (relayConnectionClose)
        {
            ConnectionCloseRelay.Apply(proxyResponse, httpContext.Response);
        }

        CorsResponse.Apply(httpContext);

        if (splitHeadFromBody)
        {
            // Faults nagle and nagle-accepted: the head leaves in a write of its own, so the first body write waits for its ACK
            // (Nagle on our socket, delayed ACK on the client's).
            await httpContext.Response.StartAsync(cancellationToken);
            await httpContext.Response.Body.FlushAsync(cancellationToken);
        }

        return true;
    }

    public override ValueTask TransformResponseTrailersAsync(HttpContext httpContext, HttpResponseMessage proxyResponse, CancellationToken cancellationToken)
    {
        // YARP calls this only after the response body was copied in full.
        ResponseCompleted = true;
        return base.TransformResponseTrailersAsync(httpContext, proxyResponse, cancellationToken);
    }

    private static void RemoveHopByHop(HttpHeaders source, ConnectionTokens connection, IHeaderDictionary destination)
    {
        foreach (var header in source.NonValidated)
        {
            if (HopByHopHeaders.IsHopByHop(header.Key, connection))
            {
                destination.Remove(header.Key);
            }
        }
    }

    // HttpHeaders.Remove throws for a name of the other collection's kind (a content header on the request headers).
    private static void Remove(HttpHeaders headers, string name)
    {
        if (headers.NonValidated.Contains(name))
        {
            headers.Remove(name);
        }
    }
}
