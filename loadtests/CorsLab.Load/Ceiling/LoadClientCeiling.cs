using CorsLab.Load.Engine;
using CorsLab.Load.Scenarios;
using CorsLab.Results;

namespace CorsLab.Load.Ceiling;

/// <summary>
/// How far the lab itself goes: a scenario's load, with its model, against a <see cref="CeilingResponder"/> in this
/// process instead of a target. A target whose figure comes within reach of it is measuring the load client.
/// </summary>
public static class LoadClientCeiling
{
    /// <summary>The target name the ceiling's measurements carry in run.json.</summary>
    public const string TargetName = "load-client-ceiling";

    /// <summary>
    /// Scenarios whose response the responder can give: fixed-size GETs, preflights and uploads over plain http.
    /// The others take their time from the origin (drips, delays, events, resets), which no responder can stand in for.
    /// </summary>
    public static bool Covers(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return !scenario.Https
            && scenario.Kind != ScenarioKind.Errors
            && (scenario.Path.StartsWith("/bytes/", StringComparison.Ordinal) || scenario.BodyLength > 0);
    }

    public static async Task<ScenarioMeasurement> MeasureAsync(Scenario scenario, LoadModel model, int repeat, ILoadObserver? observer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (!Covers(scenario))
        {
            throw new ArgumentException($"{scenario.Name} takes its time from the origin; it has no load-client ceiling", nameof(scenario));
        }

        await using var responder = CeilingResponder.Start();
        var request = new RequestSpec
        {
            Url = new Uri(responder.BaseUrl, scenario.Path),
            Method = scenario.Method,
            BodyLength = scenario.BodyLength,
            Headers = scenario.Headers,
            ConnectionClose = scenario.ConnectionClose,
            ExpectedStatuses = scenario.Kind == ScenarioKind.Preflight ? [204] : [200],
        };
        var started = DateTimeOffset.UtcNow;
        var run = await new LoadRunner([request], model).RunAsync(observer, cancellationToken);
        return MeasurementBuilder.From(TargetName, scenario.Name, repeat, model, started, run);
    }
}
