namespace CorsLab.Diagnostics.Gate;

/// <summary>One line of the verdict table: a speed ratio with its interval, or an exact count with its slack.</summary>
/// <param name="Kind"><c>speed</c> or <c>count</c>.</param>
public sealed record GateRow(
    string Metric,
    string Kind,
    string Unit,
    double? Reference,
    double? Now,
    double? Ratio,
    double? Low,
    double? High,
    MetricVerdict Verdict,
    string Note);
