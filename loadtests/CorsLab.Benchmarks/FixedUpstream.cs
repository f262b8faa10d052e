using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CorsLab.Benchmarks;

/// <summary>
/// An upstream that answers every request on a connection with the same prebuilt 1 KB response, allocating
/// nothing per request, so a benchmark's allocations are the engine's own.
/// </summary>
internal sealed class FixedUpstream : IDisposable
{
    private readonly Socket _listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    private readonly byte[] _response;

    public FixedUpstream(int bodyBytes)
    {
        var head = Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: {bodyBytes}\r\n\r\n");
        _response = new byte[head.Length + bodyBytes];
        head.CopyTo(_response, 0);
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(64);
        Port = ((IPEndPoint)_listener.LocalEndPoint!).Port;
        new Thread(AcceptLoop) { IsBackground = true, Name = "fixed-upstream" }.Start();
    }

    public int Port { get; }

    public void Dispose() => _listener.Dispose();

    private void AcceptLoop()
    {
        while (true)
        {
            Socket connection;
            try
            {
                connection = _listener.Accept();
            }
            catch (SocketException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }

            new Thread(() => Serve(connection)) { IsBackground = true, Name = "fixed-upstream-connection" }.Start();
        }
    }

    private void Serve(Socket connection)
    {
        using (connection)
        {
            connection.NoDelay = true;
            var buffer = new byte[16 * 1024];
            var filled = 0;
            while (true)
            {
                int read;
                try
                {
                    read = connection.Receive(buffer, filled, buffer.Length - filled, SocketFlags.None);
                }
                catch (SocketException)
                {
                    return;
                }

                if (read == 0)
                {
                    return;
                }

                filled += read;

                // Requests here are bodiless GETs: each ends at its blank line.
                int end;
                while ((end = buffer.AsSpan(0, filled).IndexOf("\r\n\r\n"u8)) >= 0)
                {
                    connection.Send(_response);
                    var consumed = end + 4;
                    buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
                    filled -= consumed;
                }
            }
        }
    }
}
