using System.IO.Pipelines;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace CorsLab.Origin.Provocations;

/// <summary>Stands in for the response body feature of one request whose head and body writes are split (<see cref="SplitPipeWriter"/>).</summary>
internal sealed class SplitResponseBodyFeature : IHttpResponseBodyFeature
{
    private readonly IHttpResponseBodyFeature _inner;
    private readonly SplitPipeWriter _writer;

    public SplitResponseBodyFeature(IHttpResponseBodyFeature inner, TimeSpan gap)
    {
        _inner = inner;
        _writer = new SplitPipeWriter(inner, gap);
        Stream = _writer.AsStream(leaveOpen: true);
    }

    public Stream Stream { get; }

    public PipeWriter Writer => _writer;

    public void DisableBuffering() => _inner.DisableBuffering();

    public Task StartAsync(CancellationToken cancellationToken = default) => _writer.FlushAsync(cancellationToken).AsTask();

    public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default)
        => SendFileFallback.SendFileAsync(Stream, path, offset, count, cancellationToken);

    public async Task CompleteAsync()
    {
        await _writer.FlushAsync();
        await _inner.CompleteAsync();
    }
}
