using CorsLab.Results;

namespace CorsLab.Reports.Waterfalls;

/// <summary>One drawn request: whose it is, which one (<c>p50</c> or <c>p99</c>), and its time line.</summary>
public sealed record WaterfallRow(string Target, bool IsDirect, string Percentile, RequestWaterfall Request)
{
    public string Label => $"{Target} {Percentile}";
}
