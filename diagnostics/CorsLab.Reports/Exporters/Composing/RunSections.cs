using System.Globalization;
using CorsLab.Diagnostics.Calibration;
using CorsLab.Reports.Exporters.Document;
using CorsLab.Results;

namespace CorsLab.Reports.Exporters.Composing;

/// <summary>The run-wide sections after the verdict: calibration, findings, spec tallies, environment and targets.</summary>
internal static class RunSections
{
    /// <summary><c>bench --calibrate</c>: each known added latency against what the lab measured, as judged in run.json.</summary>
    public static IEnumerable<Block> Calibration(RunDocument run)
    {
        if (run.Calibration is not { } calibration)
        {
            yield break;
        }

        yield return new Heading(2, "Calibration");
        yield return new Paragraph(
            $"Each engine started again with added-latency, measured with {calibration.Scenario} against the same engine without it (0 µs: a second clean process). " +
            $"A point lands when its p50 is within ±{CalibrationJudge.RelativeTolerance * 100:0} % or ±{CalibrationJudge.AbsoluteToleranceMicros:0} µs (whichever is larger) of what was added.");
        var table = new TableBuilder().Column("engine").Column("added", numeric: true).Column("measured p50").Column("tolerance", numeric: true).Column("samples", numeric: true).Column("verdict");
        foreach (var result in calibration.Results)
        {
            table.Row(
                Span.Code(result.Engine),
                Micros(result.AddedMicros),
                CalibrationJudge.Describe(result),
                "±" + Micros(result.ToleranceMicros),
                Format.Count(result.Samples),
                result.Within ? "lands" : Span.Bold("missed"));
        }

        yield return table.Build();
        if (calibration.Results.Count < calibration.Points.Count)
        {
            yield return new Paragraph($"{calibration.Points.Count - calibration.Results.Count} of {calibration.Points.Count} points were not measured (the run was cut short).");
        }
    }

    /// <summary>The load client against the in-process responder: how far the lab itself goes, per scenario.</summary>
    public static IEnumerable<Block> Ceilings(RunDocument run)
    {
        if (run.Ceilings.Count == 0)
        {
            yield break;
        }

        yield return new Heading(2, "Load client ceiling");
        yield return new Paragraph(
            "Each scenario's load against a trivial responder in the load client's own process: what the lab itself reaches on this machine. " +
            $"A target within {Diagnostics.Verdict.CeilingBound.Reach * 100:0} % of it (requests/s for closed models, p50 for open ones) is flagged in the verdict.");
        var table = new TableBuilder().Column("scenario").Column("model").Column("requests", numeric: true).Column("req/s", numeric: true).Column("p50", numeric: true).Column("p99", numeric: true);
        foreach (var ceiling in run.Ceilings)
        {
            table.Row(
                ceiling.Scenario,
                ceiling.Model.Kind,
                Format.Count(ceiling.Requests),
                Format.Rate(ceiling.RequestsPerSecond),
                Format.Micros(ceiling.Latency.P50),
                Format.Percentile(ceiling.Latency.P99, ceiling.Latency.Count, 99));
        }

        yield return table.Build();
    }

    private static string Micros(double micros) => micros.ToString("0", CultureInfo.InvariantCulture) + " µs";

    public static IEnumerable<Block> Findings(RunDocument run)
    {
        if (run.Findings.Count == 0)
        {
            yield break;
        }

        yield return new Heading(2, "Findings");
        foreach (var target in run.Findings.GroupBy(finding => finding.Target, StringComparer.Ordinal))
        {
            yield return new Heading(3, target.Key);
            var table = new TableBuilder().Column("id").Column("severity").Column("summary").Column("remedy").Column("evidence");
            foreach (var finding in target.OrderBy(finding => SeverityOrder(finding.Severity)).ThenBy(finding => finding.Id, StringComparer.Ordinal))
            {
                table.Row(
                    Span.Code(finding.Id),
                    SeverityOrder(finding.Severity) == 0 ? Span.Bold(finding.Severity) : finding.Severity,
                    finding.Summary,
                    finding.Remedy,
                    string.Join("; ", finding.Evidence.Select(pair => $"{pair.Key}={pair.Value}")));
            }

            yield return table.Build();
        }
    }

    public static IEnumerable<Block> Spec(RunDocument run)
    {
        if (run.Spec.Count == 0)
        {
            yield break;
        }

        yield return new Heading(2, "Spec");
        var table = new TableBuilder().Column("target").Column("passed", numeric: true).Column("failed", numeric: true).Column("skipped", numeric: true).Column("failed cases");
        foreach (var tally in run.Spec)
        {
            table.Row(
                Span.Code(tally.Target),
                Format.Count(tally.Passed),
                tally.Failed > 0 ? Span.Bold(Format.Count(tally.Failed)) : Format.Count(tally.Failed),
                Format.Count(tally.Skipped),
                tally.FailedCases.Count == 0 ? "—" : string.Join(", ", tally.FailedCases));
        }

        yield return table.Build();
    }

    public static IEnumerable<Block> Environment(RunDocument run)
    {
        var environment = run.Environment;
        yield return new Heading(2, "Environment");
        var debug = string.Equals(environment.Configuration, "Debug", StringComparison.OrdinalIgnoreCase);
        yield return new TableBuilder().Column("").Column("")
            .Row("CPU", $"{environment.CpuModel}, {Format.Plural(environment.Cores, "core", "cores")}")
            .Row("OS", environment.Os)
            .Row("runtime", environment.Runtime)
            .Row("machine", environment.Machine)
            .Row("git revision", environment.GitRevision is { } revision ? Span.Code(revision) : "unknown")
            .Row("configuration", debug ? Span.Bold($"⚠ {environment.Configuration}: not representative") : environment.Configuration)
            .Row("command", run.Command.Length == 0 ? "—" : Span.Code(run.Command))
            .Row("started", Format.Utc(run.StartedUtc))
            .Row("finished", run.FinishedUtc is { } finished ? Format.Utc(finished) : "—")
            .Row("complete", run.Complete ? "yes" : Span.Bold("no"))
            .Row("schema", run.Schema)
            .Build();

        if (run.Targets.Count > 0)
        {
            yield return new Heading(3, "Targets");
            var table = new TableBuilder().Column("name").Column("kind").Column("template").Column("faults");
            foreach (var target in run.Targets)
            {
                table.Row(
                    Span.Code(target.Name),
                    target.Kind,
                    target.Template.Length == 0 ? "—" : Span.Code(target.Template),
                    target.Faults.Count == 0 ? "none" : string.Join(", ", target.Faults));
            }

            yield return table.Build();
        }
    }

    private static int SeverityOrder(string severity) => severity.ToLowerInvariant() switch
    {
        "critical" => 0,
        "warn" or "warning" => 1,
        _ => 2,
    };
}
