using System.Text.Json;
using CorsLab.Results;

namespace CorsLab.Diagnostics.Gate;

/// <summary>
/// Bytes allocated per operation from a BenchmarkDotNet JSON export (<c>*-report-full.json</c> or <c>-brief</c>):
/// each benchmark's <c>Memory.BytesAllocatedPerOperation</c> by its <c>FullName</c> (type, method and parameters).
/// </summary>
public static class BenchmarkAllocations
{
    /// <exception cref="RunInputException">Missing or not a BenchmarkDotNet export with memory figures.</exception>
    public static IReadOnlyDictionary<string, double> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new RunInputException($"{path}: no such BenchmarkDotNet export");
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var result = new Dictionary<string, double>(StringComparer.Ordinal);
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("Benchmarks", out var benchmarks) && benchmarks.ValueKind == JsonValueKind.Array)
            {
                foreach (var benchmark in benchmarks.EnumerateArray())
                {
                    if (benchmark.TryGetProperty("FullName", out var name) && name.ValueKind == JsonValueKind.String
                        && benchmark.TryGetProperty("Memory", out var memory) && memory.ValueKind == JsonValueKind.Object
                        && memory.TryGetProperty("BytesAllocatedPerOperation", out var bytes) && bytes.ValueKind == JsonValueKind.Number)
                    {
                        result[name.GetString()!] = bytes.GetDouble();
                    }
                }
            }

            return result.Count > 0
                ? result
                : throw new RunInputException($"{path}: no benchmark with Memory.BytesAllocatedPerOperation (run with MemoryDiagnoser and the JSON exporter)");
        }
        catch (JsonException error)
        {
            throw new RunInputException($"{path}: not JSON: {error.Message}", error);
        }
    }
}
