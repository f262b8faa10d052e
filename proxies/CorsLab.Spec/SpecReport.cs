using System.Text.Json;

namespace CorsLab.Spec;

/// <summary>The results of one spec run against one target, in case order.</summary>
public sealed class SpecReport
{
    /// <summary>The wire format's version; bump it when <see cref="WriteJsonAsync"/> changes shape.</summary>
    public const string Schema = "corslab.spec/1";

    public SpecReport(string target, IReadOnlyList<SpecCaseResult> cases)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(cases);
        Target = target;
        Cases = cases;
        Passed = cases.Count(c => c.Outcome == SpecOutcome.Passed);
        Failed = cases.Count(c => c.Outcome == SpecOutcome.Failed);
        Skipped = cases.Count(c => c.Outcome == SpecOutcome.Skipped);
    }

    public string Target { get; }

    public int Passed { get; }

    public int Failed { get; }

    public int Skipped { get; }

    public IReadOnlyList<SpecCaseResult> Cases { get; }

    /// <summary>
    /// Writes <c>{"schema":"corslab.spec/1","target":…,"passed":N,"failed":N,"skipped":N,"cases":[{"id":…,"passed":bool,"outcome":"passed|failed|skipped","detail":…}]}</c>.
    /// </summary>
    public async Task WriteJsonAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        await using var writer = new Utf8JsonWriter(stream);
        writer.WriteStartObject();
        writer.WriteString("schema", Schema);
        writer.WriteString("target", Target);
        writer.WriteNumber("passed", Passed);
        writer.WriteNumber("failed", Failed);
        writer.WriteNumber("skipped", Skipped);
        writer.WriteStartArray("cases");
        foreach (var result in Cases)
        {
            writer.WriteStartObject();
            writer.WriteString("id", result.Id);
            writer.WriteBoolean("passed", result.Passed);
            writer.WriteString("outcome", OutcomeName(result.Outcome));
            writer.WriteString("detail", result.Detail);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync(cancellationToken);
    }

    private static string OutcomeName(SpecOutcome outcome) => outcome switch
    {
        SpecOutcome.Passed => "passed",
        SpecOutcome.Failed => "failed",
        SpecOutcome.Skipped => "skipped",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };
}
