using System.Text.Json;

namespace CorsLab.Tracing;

/// <summary><c>spans.jsonl</c>: one <see cref="SpanRecord"/> per line, snake_case names as in OTLP/JSON.</summary>
public static class SpanFile
{
    public const string FileName = "spans.jsonl";

    internal static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Every span of the file; an absent file holds none. A line cut short by a writer still running is skipped.</summary>
    public static async Task<IReadOnlyList<SpanRecord>> ReadAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        var spans = new List<SpanRecord>();
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            try
            {
                if (JsonSerializer.Deserialize<SpanRecord>(line, Json) is { } span)
                {
                    spans.Add(span);
                }
            }
            catch (JsonException)
            {
                // Only the last line can be partial (the receiver writes whole lines); the rest of the file stands.
            }
        }

        return spans;
    }
}
