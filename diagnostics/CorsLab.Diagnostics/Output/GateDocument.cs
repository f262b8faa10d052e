using System.Text.Json;
using System.Text.Json.Serialization;
using CorsLab.Diagnostics.Gate;
using CorsLab.Results.Baselines;

namespace CorsLab.Diagnostics.Output;

/// <summary>
/// What <c>corslab gate</c> writes as <c>gate.json</c> (schema <see cref="SchemaV1"/>): the verdict, how the sides
/// were compared, every row, the findings that changed, warnings and the reasons a run could not measure.
/// </summary>
/// <param name="Mode"><c>baseline</c> or <c>against</c>.</param>
/// <param name="Verdict"><c>pass</c>, <c>regression</c> or <c>could-not-measure</c>.</param>
public sealed record GateDocument(
    string Schema,
    string Verdict,
    string Mode,
    string Candidate,
    string Reference,
    double Tolerance,
    int TrialsUsed,
    IReadOnlyList<GateRow> Rows,
    IReadOnlyList<string> NewFindings,
    IReadOnlyList<string> GoneFindings,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<string> Reasons,
    string RunFolder,
    double WallSeconds,
    IReadOnlyList<IReadOnlyList<TrialFigures>> Trials)
{
    public const string SchemaV1 = "corslab.gate/1";

    public const string FileName = "gate.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <param name="trials">What the load client measured in each duet trial, every target's raw figures.</param>
    public static GateDocument From(GateVerdict verdict, string mode, string candidate, string reference, double tolerance, IReadOnlyList<string> warnings, string runFolder, double wallSeconds, IReadOnlyList<IReadOnlyList<TrialFigures>> trials)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        return new GateDocument(SchemaV1, OutcomeName(verdict.Outcome), mode, candidate, reference, tolerance, verdict.TrialsUsed, verdict.Rows, verdict.NewFindings, verdict.GoneFindings, warnings, verdict.Reasons, runFolder, wallSeconds, trials);
    }

    public static string OutcomeName(GateOutcome outcome) => outcome switch
    {
        GateOutcome.Pass => "pass",
        GateOutcome.Regression => "regression",
        _ => "could-not-measure",
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static GateDocument Parse(string json) =>
        JsonSerializer.Deserialize<GateDocument>(json, Json) ?? throw new InvalidDataException("empty gate document");
}
