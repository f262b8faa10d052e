using System.Text.Json;

namespace CorsLab.Results.Baselines;

/// <summary>Reads and writes <see cref="GateBaseline"/> files; the schema is checked before binding.</summary>
public static class GateBaselineFile
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    /// <exception cref="RunInputException">Missing, unreadable, or neither a <see cref="GateBaseline.SchemaV2"/> nor a <see cref="GateBaseline.SchemaV1"/> document.</exception>
    public static GateBaseline Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new RunInputException($"{path}: no such baseline (write one with corslab gate --update-baseline)");
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var schema = document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("schema", out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;
            if (schema is not (GateBaseline.SchemaV2 or GateBaseline.SchemaV1))
            {
                throw new RunInputException($"{path}: schema '{schema ?? "(none)"}' is not supported; this build reads {GateBaseline.SchemaV2} and {GateBaseline.SchemaV1}");
            }

            var baseline = document.RootElement.Deserialize<GateBaseline>(Json) ?? throw new RunInputException($"{path}: empty baseline");
            return baseline.Trials is null || baseline.Environment is null
                ? throw new RunInputException($"{path}: a baseline needs trials and an environment")
                : baseline with { Faults = baseline.Faults ?? [], Findings = baseline.Findings ?? [], Allocations = baseline.Allocations ?? new Dictionary<string, double>() };
        }
        catch (JsonException error)
        {
            throw new RunInputException($"{path}: not a valid {GateBaseline.SchemaV2} document: {error.Message}", error);
        }
    }

    /// <summary>Writes atomically (temp file, then rename).</summary>
    public static void Write(string path, GateBaseline baseline)
    {
        ArgumentNullException.ThrowIfNull(path);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temp = path + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(baseline, Json) + "\n");
        File.Move(temp, path, overwrite: true);
    }
}
