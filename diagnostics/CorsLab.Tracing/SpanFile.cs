namespace CorsLab.Tracing;

/// <summary><c>spans.jsonl</c>: one <see cref="SpanRecord"/> per line.</summary>
public static class SpanFile
{
    public const string FileName = "spans.jsonl";

    public static Task<IReadOnlyList<SpanRecord>> ReadAsync(string path, CancellationToken cancellationToken) =>
        JsonLinesFile.ReadAsync<SpanRecord>(path, cancellationToken);
}
