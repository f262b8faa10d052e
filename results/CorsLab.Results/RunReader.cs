using System.Text.Json;

namespace CorsLab.Results;

/// <summary>
/// Reads a run folder's <c>run.json</c> for rendering or judging. The schema is checked before the document is bound, so a newer
/// version fails with a message naming the version this build reads rather than with a binding error. Fields a
/// writer left out (older runs, runs cut short) come back as empty lists, never nulls.
/// </summary>
public static class RunReader
{
    public static async Task<RunDocument> ReadAsync(string directory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (!Directory.Exists(directory))
        {
            throw new RunInputException($"{directory}: no such run folder");
        }

        var path = Path.Combine(directory, RunWriter.FileName);
        if (!File.Exists(path))
        {
            throw new RunInputException($"{directory}: no {RunWriter.FileName} in this folder (a run folder holds the run.json that `corslab investigate` or `bench` wrote)");
        }

        try
        {
            await CheckSchemaAsync(path, cancellationToken);
            return Normalize(await RunWriter.ReadAsync(directory));
        }
        catch (JsonException error)
        {
            throw new RunInputException($"{path}: not a valid {RunDocument.SchemaV1} document: {error.Message}", error);
        }
        catch (InvalidDataException error)
        {
            throw new RunInputException($"{path}: {error.Message}", error);
        }
    }

    private static async Task CheckSchemaAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new RunInputException($"{path}: expected a JSON object ({RunDocument.SchemaV1})");
        }

        var schema = document.RootElement.TryGetProperty("schema", out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
        if (schema != RunDocument.SchemaV1)
        {
            throw new RunInputException(
                $"{path}: schema '{schema ?? "(none)"}' is not supported; this build reads {RunDocument.SchemaV1}");
        }
    }

    /// <summary>JSON may omit what the records declare non-null; the analysers rely on the declarations.</summary>
    private static RunDocument Normalize(RunDocument run) => run with
    {
        Command = run.Command ?? "",
        Environment = run.Environment with
        {
            Machine = run.Environment.Machine ?? "",
            CpuModel = run.Environment.CpuModel ?? "",
            Os = run.Environment.Os ?? "",
            Runtime = run.Environment.Runtime ?? "",
            Configuration = run.Environment.Configuration ?? "",
        },
        Targets = (run.Targets ?? []).Select(target => target with
        {
            Kind = target.Kind ?? TargetKinds.Engine,
            Template = target.Template ?? "",
            Faults = target.Faults ?? [],
        }).ToList(),
        Spec = (run.Spec ?? []).Select(tally => tally with { FailedCases = tally.FailedCases ?? [] }).ToList(),
        Findings = (run.Findings ?? []).Select(finding => finding with
        {
            Evidence = finding.Evidence ?? new Dictionary<string, string>(),
            Remedy = finding.Remedy ?? "",
            Summary = finding.Summary ?? "",
            Severity = finding.Severity ?? "info",
        }).ToList(),
        Calibration = run.Calibration is { } calibration
            ? calibration with { Points = calibration.Points ?? [], Results = calibration.Results ?? [] }
            : null,
        Measurements = (run.Measurements ?? []).Select(Normalize).ToList(),
        Ceilings = (run.Ceilings ?? []).Select(Normalize).ToList(),
    };

    private static ScenarioMeasurement Normalize(ScenarioMeasurement measurement) => measurement with
    {
        Driver = measurement.Driver ?? DriverNames.Corslab,
        Errors = measurement.Errors ?? new Dictionary<string, long>(),
        StatusCounts = measurement.StatusCounts ?? new Dictionary<string, long>(),
        Series = measurement.Series ?? [],
    };
}
