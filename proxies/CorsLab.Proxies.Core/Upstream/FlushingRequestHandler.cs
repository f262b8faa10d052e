using System.Net;

namespace CorsLab.Proxies.Core.Upstream;

/// <summary>
/// Makes YARP's request-body copy reach the wire chunk by chunk. YARP (and HttpClient's StreamContent) flush the upstream request stream after
/// each write only for gRPC-looking HTTP/2 requests; otherwise <see cref="SocketsHttpHandler"/>'s HTTP/1.1
/// connection buffer holds small writes until it fills or the body ends, so a dripped upload would arrive at the
/// origin all at once. The wrapper content passes a flushing stream to YARP's own content, which still does the copy.
/// </summary>
public sealed class FlushingRequestHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is { } content)
        {
            request.Content = new FlushingContent(content);
        }

        return base.SendAsync(request, cancellationToken);
    }

    private sealed class FlushingContent(HttpContent inner) : WrappedContent(inner)
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            SerializeToStreamAsync(stream, context, CancellationToken.None);

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
            Inner.CopyToAsync(new FlushingWriteStream(stream), context, cancellationToken);
    }

    private sealed class FlushingWriteStream(Stream inner) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await inner.WriteAsync(buffer, cancellationToken);
            await inner.FlushAsync(cancellationToken);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Write(byte[] buffer, int offset, int count)
        {
            inner.Write(buffer, offset, count);
            inner.Flush();
        }

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
