using CorsLab.Load.Results;
using CorsLab.Reports.Analysis;

namespace CorsLab.Reports.Exporters.Composing;

/// <summary>The words for analysis data: one place, so the verdict, the tables and both formats say the same thing.</summary>
internal static class Phrases
{
    /// <summary>Short, for a table cell: "buffers responses (97% of first bytes after the origin's last vs 2% direct)".</summary>
    public static string Short(Behaviour behaviour) => $"{Name(behaviour.Kind)} ({Numbers(behaviour)})";

    /// <summary>For a sentence: "buffers responses in large-download (…)".</summary>
    public static string InScenario(Behaviour behaviour) => $"{Name(behaviour.Kind)} in {behaviour.Scenario} ({Numbers(behaviour)})";

    public static string Name(BehaviourKind kind) => kind switch
    {
        BehaviourKind.BuffersResponses => "buffers responses",
        BehaviourKind.BuffersRequests => "buffers requests",
        BehaviourKind.ConnectionChurn => "churns upstream connections",
        BehaviourKind.Stalls => "stalls",
        BehaviourKind.Errors => "fails requests",
        BehaviourKind.NagleSignature => "shows a ~40 ms floor (Nagle + delayed ACK?)",
        _ => kind.ToString(),
    };

    private static string Numbers(Behaviour behaviour) => behaviour.Kind switch
    {
        BehaviourKind.BuffersResponses => $"{Format.Percent(behaviour.Value)} of first bytes after the origin's last{Versus(behaviour, Format.Percent)}",
        BehaviourKind.BuffersRequests => $"{Format.Percent(behaviour.Value)} of uploads reach the origin after the client's last byte{Versus(behaviour, Format.Percent)}",
        BehaviourKind.ConnectionChurn => $"{Format.Decimal(behaviour.Value)} origin connections per request{Versus(behaviour, value => Format.Decimal(value))}",
        BehaviourKind.Stalls => $"{Format.Plural((long)behaviour.Value, "second", "seconds")}: {SecondsList(behaviour.Seconds)}",
        BehaviourKind.Errors => $"{Format.Plural((long)behaviour.Value, "error", "errors")}: {string.Join(", ", behaviour.Detail.Select(kind => $"{kind.Key} {Format.Count(kind.Value)}"))}",
        BehaviourKind.NagleSignature => $"median {Format.Micros(behaviour.Value)} vs direct p99 {Format.Micros(behaviour.Reference ?? 0)}",
        _ => Format.Decimal(behaviour.Value),
    };

    public static string Concern(Concern concern) => concern.Kind switch
    {
        ConcernKind.Behaviour => InScenario(concern.Behaviour!),
        ConcernKind.SpecFailures => $"fails {Format.Plural(concern.Count, "spec case", "spec cases")} ({string.Join(", ", concern.Names.Take(3))}{(concern.Names.Count > 3 ? ", …" : "")})",
        ConcernKind.CriticalFindings => $"has critical findings ({string.Join(", ", concern.Names)})",
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
        Analysis.Margin.Clear => "first place is clear: every repeat of the first beats every repeat of the second",
        Analysis.Margin.WithinSpread => "first place is within the spread of repeats: the top two may swap on a rerun",
        Analysis.Margin.SingleRepeat => "one repeat: no spread to judge first place by",
        _ => "one target ranked",
    };

    public static string JoinAnd(IReadOnlyList<string> parts) => parts.Count switch
    {
        0 => "",
        1 => parts[0],
        _ => string.Join(", ", parts.Take(parts.Count - 1)) + " and " + parts[^1],
    };

    private static string Versus(Behaviour behaviour, Func<double, string> format) => behaviour.Reference is not { } reference
        ? ""
        : behaviour.Source switch
        {
            ReferenceSource.Direct => $" vs {format(reference)} direct",
            ReferenceSource.OtherTarget => $" vs {format(reference)} for the best other target",
            ReferenceSource.Client => $" vs {format(reference)} client connections per request",
            _ => "",
        };

    private static string SecondsList(IReadOnlyList<int> seconds) =>
        "s " + string.Join(", ", seconds.Take(8).Select(second => Format.Count(second))) + (seconds.Count > 8 ? ", …" : "");
}
