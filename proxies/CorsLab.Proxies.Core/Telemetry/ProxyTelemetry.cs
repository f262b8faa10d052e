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

    public const string EventUpstreamHead = "upstream.head";
    public const string EventUpstreamEnd = "upstream.end";

    public const string AttrEngine = "corslab.engine";
    public const string AttrRequestId = "corslab.request_id";
    public const string AttrError = "error.type";
    public const string AttrMethod = "http.request.method";
    public const string AttrStatus = "http.response.status_code";
    public const string AttrUrl = "url.full";
    public const string AttrServerAddress = "server.address";
    public const string AttrServerPort = "server.port";
}
