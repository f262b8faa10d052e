namespace CorsLab.Proxies.Core.Hosting;

/// <summary>
/// Puts an engine's process in the socket completion mode the engine asks for (<see cref="IProxyEngine.InlineSocketCompletions"/>).
/// The runtime reads the switch once, when the process first uses a socket, so this must run before that. A value
/// already in the environment wins: <c>DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=0</c> measures the engine without.
/// </summary>
public static class SocketCompletionMode
{
    public const string InlineVariable = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    public static void Apply(IProxyEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        if (engine.InlineSocketCompletions && Environment.GetEnvironmentVariable(InlineVariable) is null)
        {
            Environment.SetEnvironmentVariable(InlineVariable, "1");
        }
    }
}
