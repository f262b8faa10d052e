namespace CorsLab.Protocol;

/// <summary>A listener could not bind because its port is taken; the message names the port.</summary>
public sealed class PortInUseException(string address, int port, Exception? inner = null)
    : Exception($"port {port} is already in use ({address})", inner)
{
    public int Port { get; } = port;
}
