using System.Net.Sockets;

namespace CorsLab.Proxies.Pipelines.Sockets;

/// <summary>
/// The two ways a connection's socket ends. A receive is always pending (<see cref="ReceivePump"/>), and the runtime
/// turns the close of a socket with a pending operation into a reset unless a shutdown came first: so a clean end
/// shuts down before it closes, and a reset says so explicitly.
/// </summary>
internal static class SocketClosing
{
    /// <summary>FIN, then close: the peer sees a clean end of stream; the pending receive returns 0.</summary>
    public static void Close(Socket socket)
    {
        try
        {
            socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception error) when (error is SocketException or ObjectDisposedException)
        {
            // Already reset or closed: nothing more to say to the peer.
        }

        socket.Dispose();
    }

    /// <summary>RST: a response or request cut short must look broken to the peer, never complete. Safe from any thread.</summary>
    public static void Reset(Socket socket)
    {
        try
        {
            socket.LingerState = new LingerOption(true, 0);
        }
        catch (Exception error) when (error is SocketException or ObjectDisposedException)
        {
            // Already closed.
        }

        socket.Dispose();
    }
}
