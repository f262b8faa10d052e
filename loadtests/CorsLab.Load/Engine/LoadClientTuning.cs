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
/// Call before anything in the process uses a socket; later calls (or after sockets were used) change nothing. A
/// child process's redirected output counts: .NET reads a pipe through the same socket engine, so starting one
/// (<c>git rev-parse</c> for a run's environment) before the tuning left the load client on the thread pool, where it
/// served a fifth fewer requests in each of a gate's trials and moved what a proxy adds over direct from 23 to 42 µs.
/// </para>
/// </summary>
public static class LoadClientTuning
{
    public const string InlineCompletionsVariable = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    /// <summary>What a run says when <see cref="InlineCompletions"/> is false.</summary>
    public const string NotInlineWarning =
        "the load client's socket completions run on the thread pool (the socket engine started before the tuning): its latencies include a thread hop";

    private static int Applied;

    /// <summary>Whether the load client's completions do run on the socket event thread, as read after the tuning.</summary>
    public static bool InlineCompletions { get; private set; }

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

            // A receive awaited before its byte is sent: inline, its continuation runs on the event thread, not a pool thread.
            var sender = Task.Run(async () =>
            {
                await Task.Delay(20);
                await accepted.SendAsync(new byte[1], SocketFlags.None);
            });
            await client.ReceiveAsync(new byte[1], SocketFlags.None);
            InlineCompletions = !Thread.CurrentThread.IsThreadPoolThread;
            await sender;
        }
        finally
        {
            Environment.SetEnvironmentVariable(InlineCompletionsVariable, inherited);
        }
    }
}
