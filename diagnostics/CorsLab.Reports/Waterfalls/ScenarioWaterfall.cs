using CorsLab.Diagnostics.Verdict;
using CorsLab.Results;

namespace CorsLab.Reports.Waterfalls;

/// <summary>
/// What one scenario's waterfall shows, for the SVG and the console alike: the median and the p99 request of each
/// target, targets above direct, on one time axis (<see cref="Span"/>). A p99 request is drawn only where the
/// joined sample supports a p99 (<see cref="SampleSize"/>); below that it is one of the slowest few requests, and
/// the target is named in <see cref="P99TooFew"/> instead.
/// </summary>
public sealed record ScenarioWaterfall(string Scenario, IReadOnlyList<WaterfallRow> Rows, IReadOnlyList<string> P99TooFew)
{
    /// <summary>The end of the shared time axis: the slowest drawn request's last byte, µs from its send.</summary>
    public double Span => Rows.Max(row => row.Request.ClientLastByte);

    /// <summary>A run's scenario: each target's median repeat (the one whose series the report shows), ranked order, then direct.</summary>
    public static ScenarioWaterfall? Of(ScenarioAnalysis scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return Of(scenario.Scenario, scenario.AllTargets.Select(stats => (stats.Target, stats.IsDirect, stats.Representative.ThreePoint)));
    }

    /// <summary>One measurement per target of <paramref name="scenario"/> (a diagnosis: the target's and direct's).</summary>
    public static ScenarioWaterfall? Of(string scenario, IEnumerable<ScenarioMeasurement> measurements)
    {
        ArgumentNullException.ThrowIfNull(measurements);
        return Of(scenario, measurements.Select(measurement => (measurement.Target, measurement.Target == TargetKinds.Direct, measurement.ThreePoint)));
    }

    private static ScenarioWaterfall? Of(string scenario, IEnumerable<(string Target, bool IsDirect, ThreePointSummary? ThreePoint)> targets)
    {
        var rows = new List<WaterfallRow>();
        var tooFew = new List<string>();

        // OrderBy is stable: targets keep their order, direct goes below them.
        foreach (var (target, isDirect, threePoint) in targets.OrderBy(entry => entry.IsDirect))
        {
            if (threePoint?.Waterfalls is not { } waterfalls)
            {
                continue;
            }

            rows.Add(new WaterfallRow(target, isDirect, "p50", waterfalls.Median));
            if (SampleSize.Supports(waterfalls.Requests, 99))
            {
                rows.Add(new WaterfallRow(target, isDirect, "p99", waterfalls.P99));
            }
            else
            {
                tooFew.Add(target);
            }
        }

        return rows.Count == 0 ? null : new ScenarioWaterfall(scenario, rows, tooFew);
    }
}
