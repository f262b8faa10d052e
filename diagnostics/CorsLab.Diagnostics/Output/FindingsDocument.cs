using System.Text.Json;
using System.Text.Json.Serialization;
using CorsLab.Diagnostics.Findings;

namespace CorsLab.Diagnostics.Output;

/// <summary>
/// What <c>corslab diagnose --json</c> writes (schema <see cref="SchemaV1"/>): the target, the scenarios run, the
/// findings. A new shape gets a new schema name.
/// </summary>
public sealed record FindingsDocument(string Schema, string Target, IReadOnlyList<string> Scenarios, IReadOnlyList<FindingsDocument.Entry> Findings)
{
    public const string SchemaV1 = "corslab.findings/1";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    public static FindingsDocument From(string target, IEnumerable<string> scenarios, IEnumerable<Finding> findings) => new(
        SchemaV1,
        target,
        scenarios.ToArray(),
        findings.Select(f => new Entry(f.Id, FindingSeverities.Name(f.Severity), f.Summary, f.Evidence, f.Remedy)).ToArray());

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static FindingsDocument Parse(string json) =>
        JsonSerializer.Deserialize<FindingsDocument>(json, Json) ?? throw new InvalidDataException("empty findings document");

    /// <summary>Writes atomically (temp file, then rename).</summary>
    public async Task WriteAsync(string path, CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temp = path + ".tmp";
        await File.WriteAllTextAsync(temp, ToJson(), cancellationToken);
        File.Move(temp, path, overwrite: true);
    }

    public sealed record Entry(
        string Id,
        string Severity,
        string Summary,
        IReadOnlyDictionary<string, string> Evidence,
        string Remedy)
    {
        [JsonIgnore]
        public bool IsWarnOrAbove => FindingSeverities.TryParse(Severity, out var s) && s >= FindingSeverity.Warn;
    }
}
