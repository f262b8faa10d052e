using System.Text.Json;
using CorsLab.Diagnostics.Output;

namespace CorsLab.Diagnostics.SelfCheck;

/// <summary>
/// What <c>corslab diagnose --self-check --json</c> writes (schema <see cref="SchemaV1"/>): every run of the fault
/// matrix with the finding it expected and the findings it reported, and the confusion matrix over them.
/// </summary>
public sealed record SelfCheckDocument(string Schema, IReadOnlyList<SelfCheckRun> Runs, IReadOnlyList<string> Labels, IReadOnlyList<IReadOnlyList<int>> Matrix)
{
    public const string SchemaV1 = "corslab.selfcheck/1";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static SelfCheckDocument From(IReadOnlyList<SelfCheckRun> runs, ConfusionMatrix matrix) => new(
        SchemaV1,
        runs,
        matrix.Labels,
        matrix.Labels.Select(expected => (IReadOnlyList<int>)matrix.Labels.Select(reported => matrix[expected, reported]).ToArray()).ToArray());

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static SelfCheckDocument Parse(string json) =>
        JsonSerializer.Deserialize<SelfCheckDocument>(json, Json) ?? throw new InvalidDataException("empty self-check document");
}

/// <summary>One engine with at most one fault: what it should show, what diagnose reported (warn or above) and every finding.</summary>
public sealed record SelfCheckRun(
    int Repeat,
    string Engine,
    IReadOnlyList<string> Faults,
    string Expected,
    IReadOnlyList<string> Reported,
    IReadOnlyList<FindingsDocument.Entry> Findings,
    double Seconds);
