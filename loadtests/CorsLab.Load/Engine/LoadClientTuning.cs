using System.Net;
using System.Net.Sockets;

namespace CorsLab.Load.Engine;

/// <summary>
/// Runs socket completions inline on the epoll thread for this process's load client, as benchmark clients do
/// (wrk runs its whole loop on its event thread). Without it every response hops from the epoll thread to a
/// thread-pool thread: on one core (<c>taskset -c 0</c>) that hop costs about a third of the throughput.
/// <para>
/// .NET reads <c>DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS</c> once, when the socket engine first starts. So:
/// set it in this process's environment, start the engine with one loopback connection, and remove it again, so
/// child processes started afterwards (origin, engines under test) run with their usual defaults.
/// Call before anything in the process uses a socket; later calls (or after sockets were used) change nothing.
/// </para>
/// </summary>
public static class LoadClientTuning
{
    public const string InlineCompletionsVariable = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    private static int Applied;

    public static async Task EnableInlineCompletionsAsync()
    {
        if (Interlocked.Exchange(ref Applied, 1) != 0)
        {
            return;
        }

        var inherited = Environment.GetEnvironmentVariable(InlineCompletionsVariable);
        Environment.SetEnvironmentVariable(InlineCompletionsVariable, "1");
        try
        {
            using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            listener.Listen(1);
            using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            await client.ConnectAsync(listener.LocalEndPoint!);
            using var accepted = await listener.AcceptAsync();
        }
        finally
        {
            Environment.SetEnvironmentVariable(InlineCompletionsVariable, inherited);
        }
    }
}
