namespace CorsLab.Tracing;

/// <summary><c>metrics.jsonl</c>: one <see cref="MetricPointRecord"/> per line.</summary>
public static class MetricFile
{
    public const string FileName = "metrics.jsonl";

    public static Task<IReadOnlyList<MetricPointRecord>> ReadAsync(string path, CancellationToken cancellationToken) =>
        JsonLinesFile.ReadAsync<MetricPointRecord>(path, cancellationToken);
}
