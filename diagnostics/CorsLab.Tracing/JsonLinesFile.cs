using System.Text.Json;
using System.Text.Json.Serialization;

namespace CorsLab.Tracing;

/// <summary>
/// The receiver's files (<c>spans.jsonl</c>, <c>metrics.jsonl</c>): one JSON object per line, snake_case names as in
/// OTLP/JSON, nulls left out.
/// </summary>
public static class JsonLinesFile
{
    internal static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Every record of the file; an absent file holds none. A line cut short by a writer still running is skipped.</summary>
    public static async Task<IReadOnlyList<T>> ReadAsync<T>(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        var records = new List<T>();
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
                if (JsonSerializer.Deserialize<T>(line, Json) is { } record)
                {
                    records.Add(record);
                }
            }
            catch (JsonException)
            {
                // Only the last line can be partial (the receiver writes whole lines); the rest of the file stands.
            }
        }

        return records;
    }
}
