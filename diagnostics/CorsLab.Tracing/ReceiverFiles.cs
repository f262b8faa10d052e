namespace CorsLab.Tracing;

/// <summary>The receiver's two files in one folder: <c>spans.jsonl</c> and <c>metrics.jsonl</c>.</summary>
internal sealed class ReceiverFiles(string directory) : IDisposable
{
    public JsonLinesAppender<SpanRecord> Spans { get; } = new(Path.Combine(directory, SpanFile.FileName));

    public JsonLinesAppender<MetricPointRecord> Metrics { get; } = new(Path.Combine(directory, MetricFile.FileName));

    public void Dispose()
    {
        Spans.Dispose();
        Metrics.Dispose();
    }
}
