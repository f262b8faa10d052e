using CorsLab.Diagnostics.Findings;
using CorsLab.Results;

namespace CorsLab.Diagnostics.Tests;

/// <summary>Evidence for the white-box rules: a target measured with a constructed capture, direct without one.</summary>
internal static class Captures
{
    /// <summary>A capture of 1,000 requests over 2 s that saw nothing: each test sets the counts it judges.</summary>
    public static CaptureSummary Quiet(long requests = 1000) => new()
    {
        TraceFile = "engine-named-get.nettrace",
        Requests = requests,
        WindowSeconds = 2,
        UpstreamHost = "localhost",
        BytesTransferred = requests * 66_000,
        Events = 10_000,
    };

    public static TargetEvidence Evidence(CaptureSummary capture, string scenario = ScenarioNames.NamedGet) =>
        Evidence((scenario, capture));

    public static TargetEvidence Evidence(params (string Scenario, CaptureSummary Capture)[] captures)
    {
        var measured = captures.Select(c => Measurements.Of("engine", c.Scenario, Measurements.Around(2000, 100)) with { Capture = c.Capture });
        var direct = captures.Select(c => Measurements.Of("direct", c.Scenario, Measurements.Around(1000, 100)));
        return new TargetEvidence("engine", measured, direct);
    }
}
