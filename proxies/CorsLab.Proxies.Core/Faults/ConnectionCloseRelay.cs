using Microsoft.AspNetCore.Http;

namespace CorsLab.Proxies.Core.Faults;

/// <summary>
/// Fault relay-connection-close in the Kestrel engines: the upstream's <c>Connection: close</c>, a hop-by-hop header
/// about the upstream connection only, is put on the client's response, so Kestrel closes the client connection too
/// and a keep-alive client reconnects for every request.
/// </summary>
public static class ConnectionCloseRelay
{
    public static void Apply(HttpResponseMessage upstream, HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(upstream);
        ArgumentNullException.ThrowIfNull(response);
        if (upstream.Headers.ConnectionClose == true)
        {
            response.Headers.Connection = "close";
        }
    }
}
