using System.Buffers;
using System.Net;
using System.Net.Sockets;
using System.Text;
using CorsLab.Proxies.Pipelines.Sockets;

namespace CorsLab.Proxies.Pipelines.Tests;

/// <summary>The socket writer over a real loopback connection: what it sends, in what order, from whose buffers.</summary>
public sealed class SocketPipeWriterTests : IDisposable
{
    private readonly Socket _listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    private readonly Socket _sending = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
    private readonly Socket _receiving;

    public SocketPipeWriterTests()
    {
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(1);
        _sending.Connect(_listener.LocalEndPoint!);
        _receiving = _listener.Accept();
    }

    [Fact]
    public async Task SendAsync_WritesTheUnsentHeadThenTheBorrowedBody()
    {
        var writer = new SocketPipeWriter(_sending, segmentSize: 8);
        writer.Write("HTTP/1.1 200 OK\r\n\r\n"u8);
        var body = Segments.Create(Encoding.ASCII.GetBytes("first "), Encoding.ASCII.GetBytes("second"));

        var result = await writer.SendAsync(body, CancellationToken.None);

        Assert.False(result.IsCanceled);
        Assert.Equal(0, writer.UnflushedBytes);
        Assert.Equal("HTTP/1.1 200 OK\r\n\r\nfirst second", await ReceiveAsync(31));
        Assert.Equal("first second", Encoding.ASCII.GetString(body.ToArray()));
        writer.Complete();
    }

    [Fact]
    public async Task FlushAsync_SendsWritesSpanningManySegmentsInOrder()
    {
        var writer = new SocketPipeWriter(_sending, segmentSize: 4);
        var text = string.Concat(Enumerable.Range(0, 100).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        foreach (var piece in text.Chunk(7))
        {
            writer.Write(Encoding.ASCII.GetBytes(piece));
        }

        Assert.Equal(text.Length, writer.UnflushedBytes);
        await writer.FlushAsync();

        Assert.Equal(text, await ReceiveAsync(text.Length));
        writer.Complete();
    }

    [Fact]
    public async Task FlushAsync_WithNothingWritten_SendsNothing()
    {
        var writer = new SocketPipeWriter(_sending, segmentSize: 16);

        await writer.FlushAsync();
        writer.Write("x"u8);
        await writer.FlushAsync();

        Assert.Equal("x", await ReceiveAsync(1));
        writer.Complete();
    }

    public void Dispose()
    {
        _receiving.Dispose();
        _sending.Dispose();
        _listener.Dispose();
    }

    private async Task<string> ReceiveAsync(int length)
    {
        var buffer = new byte[length];
        var filled = 0;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (filled < length)
        {
            var read = await _receiving.ReceiveAsync(buffer.AsMemory(filled), SocketFlags.None, timeout.Token);
            Assert.NotEqual(0, read);
            filled += read;
        }

        return Encoding.ASCII.GetString(buffer);
    }
}
