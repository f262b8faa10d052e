using System.IO.Pipelines;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace CorsLab.Origin.Timing;

/// <summary>
/// Stands in for the server's response body feature for one recorded request: the stream and the pipe it
/// hands out time what passes through them; everything else is the server's.
/// </summary>
internal sealed class TimingResponseBodyFeature : IHttpResponseBodyFeature
{
    private readonly IHttpResponseBodyFeature _inner;
    private readonly TimingCapture _capture;
    private readonly TimingResponseStream _stream;
    private readonly TimingPipeWriter _writer;

    public TimingResponseBodyFeature(IHttpResponseBodyFeature inner, TimingCapture capture)
    {
        _inner = inner;
        _capture = capture;
        _stream = new TimingResponseStream(inner.Stream, capture);
        _writer = new TimingPipeWriter(inner.Writer, capture);
    }

    public Stream Stream => _stream;

    public PipeWriter Writer => _writer;

    public void DisableBuffering() => _inner.DisableBuffering();

    public Task StartAsync(CancellationToken cancellationToken = default) => _inner.StartAsync(cancellationToken);

    public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default)
        => SendFileFallback.SendFileAsync(_stream, path, offset, count, cancellationToken);

    public async Task CompleteAsync()
    {
        await _inner.CompleteAsync();
        _writer.RecordUnflushed(0);
    }

    /// <summary>
    /// The server has finished the response: bytes the endpoint left unflushed went out with the server's own
    /// final flush, so they are timed now; then the record is published.
    /// </summary>
    public void OnResponseCompleted()
    {
        _writer.RecordUnflushed(0);
        _capture.Publish();
    }
}
