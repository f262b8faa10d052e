using CorsLab.Results;

namespace CorsLab.Diagnostics.Findings;

/// <summary>Finds the capture a white-box rule reads: the first of its scenarios measured with one that qualifies.</summary>
internal static class CaptureEvidence
{
    /// <summary>Fewer measured requests than this and a count per request moves by whole percents on one event.</summary>
    public const long MinRequests = 100;

    public static (ScenarioMeasurement Measured, CaptureSummary Capture)? First(
        TargetEvidence evidence, IEnumerable<string> scenarios, Func<CaptureSummary, bool>? usable = null, long minRequests = MinRequests)
    {
        foreach (var scenario in scenarios)
        {
            if (evidence.Measured(scenario) is { Capture: { } capture } measured && capture.Requests >= minRequests && (usable is null || usable(capture)))
            {
                return (measured, capture);
            }
        }

        return null;
    }

    /// <summary>Of the scenarios captured with enough requests, the one where <paramref name="perRequest"/> is highest: a cause that scales with body size shows most on the largest bodies.</summary>
    public static (ScenarioMeasurement Measured, CaptureSummary Capture)? Worst(
        TargetEvidence evidence, IEnumerable<string> scenarios, Func<CaptureSummary, double> perRequest, long minRequests)
    {
        return scenarios
            .Select(evidence.Measured)
            .Where(measured => measured?.Capture is { } capture && capture.Requests >= minRequests)
            .Select(measured => ((ScenarioMeasurement Measured, CaptureSummary Capture)?)(measured!, measured!.Capture!))
            .OrderByDescending(pair => perRequest(pair!.Value.Capture))
            .FirstOrDefault();
    }

    /// <summary>The facts every white-box finding carries: where they come from and the divisor.</summary>
    public static Dictionary<string, string> Facts(ScenarioMeasurement measured, CaptureSummary capture) => new()
    {
        ["scenario"] = measured.Scenario,
        ["requests"] = Evidence.Count(capture.Requests),
        ["windowSeconds"] = Evidence.Number(capture.WindowSeconds),
        ["trace"] = capture.TraceFile,
    };
}
