using System.Net.Sockets;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;

namespace CorsLab.Origin.Provocations;

/// <summary>
/// Nagle's algorithm on one connection: on for a request that asks (<c>nagle=1</c>), and off again only when the next
/// request on that connection arrives. Not when the response ends: setting <c>TCP_NODELAY</c> pushes out at once
/// whatever Nagle is holding (Linux's <c>tcp_push_pending_frames</c>), which would undo the very stall asked for.
/// </summary>
internal static class NagleSwitch
{
    private static readonly object Marker = new();

    public static void TurnOn(HttpContext context)
    {
        if (context.Features.Get<IConnectionSocketFeature>()?.Socket is { } socket && context.Features.Get<IConnectionItemsFeature>() is { } connection)
        {
            socket.NoDelay = false;
            connection.Items[Marker] = socket;
        }
    }

    /// <summary>Back to Kestrel's default for a request on a connection an earlier request turned Nagle on for.</summary>
    public static void TurnOffIfOn(HttpContext context)
    {
        if (context.Features.Get<IConnectionItemsFeature>() is { } connection && connection.Items.Remove(Marker, out var value) && value is Socket socket)
        {
            try
            {
                socket.NoDelay = true;
            }
            catch (Exception error) when (error is ObjectDisposedException or SocketException)
            {
            }
        }
    }
}
