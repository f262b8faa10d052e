using System.Diagnostics;
using CorsLab.Protocol;

namespace CorsLab.Proxies.Core.Telemetry;

/// <summary>
/// One name for every engine's telemetry, so traces from any engine read alike.
/// Attribute names follow the OpenTelemetry HTTP semantic conventions where one exists.
/// </summary>
public static class ProxyTelemetry
{
    public const string SourceName = TelemetryNames.Proxy;

    public static readonly ActivitySource Source = new(SourceName);

    public const string ServerSpan = "corslab.proxy.request";
    public const string UpstreamSpan = "corslab.proxy.upstream";

    /// <summary>On the upstream span: the upstream's response head is in.</summary>
    public const string EventUpstreamHead = "upstream.head";

    /// <summary>The response head is committed to the client connection: the proxy's first byte out (it may leave with the first body piece).</summary>
    public const string EventFirstByteOut = "first-byte-out";

    /// <summary>On the upstream span: the response body was copied to the client (or the copy stopped).</summary>
    public const string EventUpstreamEnd = "upstream.end";

    public const string AttrEngine = "corslab.engine";
    public const string AttrRequestId = "corslab.request_id";
    public const string AttrError = "error.type";
    public const string AttrMethod = "http.request.method";
    public const string AttrStatus = "http.response.status_code";
    public const string AttrUrl = "url.full";
    public const string AttrServerAddress = "server.address";
    public const string AttrServerPort = "server.port";

    /// <summary>
    /// The runtime's own networking sources (.NET 9+), so name resolution, socket connect, TLS handshake and the
    /// wait for a pooled HTTP connection appear as spans under the request that caused them.
    /// </summary>
    public static readonly string[] NetworkingSources =
    [
        "Experimental.System.Net.NameResolution",
        "Experimental.System.Net.Sockets",
        "Experimental.System.Net.Security",
        "Experimental.System.Net.Http.Connections",
    ];

    /// <summary>The client span of one upstream exchange; null (and nothing allocated) when nothing listens.</summary>
    public static Activity? StartUpstreamSpan(string engine, string method, string host, int port)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        var activity = Source.StartActivity(UpstreamSpan, ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(AttrEngine, engine);
            activity.SetTag(AttrMethod, method);
            activity.SetTag(AttrServerAddress, host);
            activity.SetTag(AttrServerPort, port);
        }

        return activity;
    }
}
