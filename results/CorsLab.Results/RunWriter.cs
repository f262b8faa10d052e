using System.Text.Json;
using System.Text.Json.Serialization;

namespace CorsLab.Results;

/// <summary>Writes <c>run.json</c> atomically (temp file, then rename), so an interrupted run leaves a whole file.</summary>
public static class RunWriter
{
    public const string FileName = "run.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static async Task WriteAsync(string directory, RunDocument run)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, FileName);
        var temp = path + ".tmp";
        await using (var stream = File.Create(temp))
        {
            await JsonSerializer.SerializeAsync(stream, run, Json);
        }

        File.Move(temp, path, overwrite: true);
    }

    public static async Task<RunDocument> ReadAsync(string directory)
    {
        await using var stream = File.OpenRead(Path.Combine(directory, FileName));
        return await JsonSerializer.DeserializeAsync<RunDocument>(stream, Json)
            ?? throw new InvalidDataException($"{directory}/{FileName} is empty");
    }
}
