using System.Net.Sockets;
using System.Text;

namespace CorsLab.Origin.Tests;

/// <summary>HTTP/1.1 over a bare socket, for what HttpClient would hide: exact header lines, framing, connection close.</summary>
internal static class RawHttp
{
    /// <summary>Sends <paramref name="request"/> as is and returns everything received until the server closes or <paramref name="quiet"/> passes without bytes.</summary>
    public static async Task<(string Text, bool ClosedByServer)> ExchangeAsync(Uri origin, string request, TimeSpan quiet)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(origin.Host, origin.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        var received = new MemoryStream();
        var buffer = new byte[16 * 1024];
        while (true)
        {
            using var idle = new CancellationTokenSource(quiet);
            int read;
            try
            {
                read = await stream.ReadAsync(buffer, idle.Token);
            }
            catch (OperationCanceledException)
            {
                return (Encoding.Latin1.GetString(received.ToArray()), false);
            }
            catch (IOException)
            {
                return (Encoding.Latin1.GetString(received.ToArray()), true);
            }

            if (read == 0)
            {
                return (Encoding.Latin1.GetString(received.ToArray()), true);
            }

            received.Write(buffer, 0, read);
        }
    }

    public static string Get(string target, string extraHeaders = "")
        => $"GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\n{extraHeaders}\r\n";

    /// <summary>The header lines of the first response in <paramref name="text"/>, status line excluded.</summary>
    public static string[] HeaderLines(string text)
    {
        var head = text[..text.IndexOf("\r\n\r\n", StringComparison.Ordinal)];
        return head.Split("\r\n")[1..];
    }
}
