using System.Buffers.Text;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CorsLab.Benchmarks;

/// <summary>A keep-alive HTTP/1.1 client over one socket that allocates nothing per request: one fixed request (Host and the given fields), one reusable buffer.</summary>
internal sealed class LoopbackClient : IDisposable
{
    private static readonly byte[] ContentLengthName = "\r\ncontent-length:"u8.ToArray();

    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
    private readonly byte[] _request;
    private readonly byte[] _buffer = new byte[64 * 1024];

    public LoopbackClient(int port, string pathAndQuery, IEnumerable<(string Name, string Value)> headers)
    {
        _socket.Connect(new IPEndPoint(IPAddress.Loopback, port));
        _request = Encoding.ASCII.GetBytes(BrowserRequest.Head(pathAndQuery, $"127.0.0.1:{port}", headers));
    }

    /// <returns>The body length of the response read.</returns>
    public int Get()
    {
        _socket.Send(_request);
        var filled = 0;
        int headEnd;
        while ((headEnd = _buffer.AsSpan(0, filled).IndexOf("\r\n\r\n"u8)) < 0)
        {
            filled += ReceiveSome(filled);
        }

        var bodyLength = ContentLength(_buffer.AsSpan(0, headEnd));
        var total = headEnd + 4 + bodyLength;
        while (filled < total)
        {
            filled += ReceiveSome(filled);
        }

        return bodyLength;
    }

    public void Dispose() => _socket.Dispose();

    private int ReceiveSome(int offset)
    {
        var read = _socket.Receive(_buffer, offset, _buffer.Length - offset, SocketFlags.None);
        return read > 0 ? read : throw new IOException("the proxy closed the connection");
    }

    private static int ContentLength(ReadOnlySpan<byte> head)
    {
        for (var i = 0; i + ContentLengthName.Length <= head.Length; i++)
        {
            if (Ascii.EqualsIgnoreCase(head.Slice(i, ContentLengthName.Length), ContentLengthName))
            {
                var value = head[(i + ContentLengthName.Length)..].TrimStart((byte)' ');
                if (Utf8Parser.TryParse(value, out int length, out _))
                {
                    return length;
                }
            }
        }

        throw new InvalidDataException("the response has no Content-Length");
    }
}
