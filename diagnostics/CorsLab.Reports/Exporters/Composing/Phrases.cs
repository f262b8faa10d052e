using CorsLab.Diagnostics.Verdict;
using CorsLab.Results;

namespace CorsLab.Reports.Exporters.Composing;

/// <summary>The words for analysis data: one place, so the verdict, the tables and both formats say the same thing.</summary>
internal static class Phrases
{
    /// <summary>Short, for a table cell: "response-buffering (critical)".</summary>
    public static string Short(FindingRecord finding) => $"{finding.Id} ({finding.Severity})";

    public static string Concern(Concern concern) => concern.Kind switch
    {
        ConcernKind.Findings => $"has {(concern.Count == 1 ? "the finding" : "the findings")} {JoinAnd(concern.Names)}",
        ConcernKind.SpecFailures => $"fails {Format.Plural(concern.Count, "spec case", "spec cases")} ({string.Join(", ", concern.Names.Take(3))}{(concern.Names.Count > 3 ? ", …" : "")})",
        _ => concern.Kind.ToString(),
    };

    public static string Concerns(IReadOnlyList<Concern> concerns) =>
        JoinAnd(concerns.Select(Concern).Distinct().ToList());

    public static string Model(LoadModelSettings model)
    {
        var shape = model.Kind switch
        {
            "constant-rate" => $"open model, {Format.Rate(model.Rate ?? 0)} req/s",
            "ramp-rate" => $"open model, ramp {Format.Rate(model.Rate ?? 0)}→{Format.Rate(model.RateTo ?? 0)} req/s",
            "concurrency" => $"closed model, {model.Concurrency ?? model.Connections} in flight",
            "max" => $"closed model, as fast as {Format.Plural(model.Connections, "connection", "connections")} allow",
            _ => model.Kind,
        };
        return $"{shape}, {Format.Seconds(model.DurationSeconds)} measured after {Format.Seconds(model.WarmupSeconds)} warm-up";
    }

    public static string Metric(DecidingMetric metric) => metric switch
    {
        DecidingMetric.Throughput => "ranked by median throughput (closed load: the faster engine completes more)",
        DecidingMetric.TailLatency => "ranked by median p99 latency (open load: every engine that keeps up completes the offered rate, so the tail decides)",
        _ => metric.ToString(),
    };

    public static string Margin(Margin margin) => margin switch
    {
        Diagnostics.Verdict.Margin.Clear => "first place is clear: every repeat of the first beats every repeat of the second",
        Diagnostics.Verdict.Margin.WithinSpread => "first place is within the spread of repeats: the top two may swap on a rerun",
        Diagnostics.Verdict.Margin.SingleRepeat => "one repeat: no spread to judge first place by",
        _ => "one target ranked",
    };

    public static string JoinAnd(IReadOnlyList<string> parts) => parts.Count switch
    {
        0 => "",
        1 => parts[0],
        _ => string.Join(", ", parts.Take(parts.Count - 1)) + " and " + parts[^1],
    };
}
