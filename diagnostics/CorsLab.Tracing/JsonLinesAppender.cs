using System.Text.Json;

namespace CorsLab.Tracing;

/// <summary>
/// Appends the records of one export to a <see cref="JsonLinesFile"/>. Exports arrive concurrently (several
/// processes, both protocols), so one lock keeps each batch's lines together; each batch is flushed, so a reader
/// sees whole lines.
/// </summary>
internal sealed class JsonLinesAppender<T>(string path) : IDisposable
{
    private readonly StreamWriter _file = new(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite));
    private readonly Lock _gate = new();
    private long _written;

    public string Path { get; } = path;

    public long Written => Interlocked.Read(ref _written);

    public void Append(IEnumerable<T> records)
    {
        var lines = records.Select(record => JsonSerializer.Serialize(record, JsonLinesFile.Json)).ToList();
        lock (_gate)
        {
            foreach (var line in lines)
            {
                _file.WriteLine(line);
            }

            _file.Flush();
            _written += lines.Count;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _file.Dispose();
        }
    }
}
