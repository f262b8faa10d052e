namespace CorsLab.Diagnostics.Findings;

/// <summary>
/// One rule: a stable id, the scenarios whose measurements it reads (in order of preference), and a pure
/// evaluation over a target's evidence. Rules never measure and never print.
/// </summary>
public interface IFindingRule
{
    /// <summary>The finding id this rule produces, e.g. <c>response-buffering</c>.</summary>
    string Id { get; }

    /// <summary>Scenario names whose measurements can carry this rule's evidence, preferred first; empty when any scenario can.</summary>
    IReadOnlyList<string> Scenarios { get; }

    /// <summary>
    /// Whether the rule reads the join with the lab origin's timings (<see cref="Results.ScenarioMeasurement.ThreePoint"/>):
    /// against a user's own upstream there is none, and the rule is "not checked" rather than silent.
    /// </summary>
    bool NeedsOriginTimings => false;

    /// <summary>
    /// Whether the rule reads an EventPipe capture of the target's process (<see cref="Results.ScenarioMeasurement.Capture"/>):
    /// without one (an external target with no pid, <c>--no-capture</c>) the rule is "not checked" rather than silent.
    /// </summary>
    bool NeedsCapture => false;

    /// <summary>The finding, or null when the evidence is absent, too thin, or shows nothing.</summary>
    Finding? Evaluate(TargetEvidence evidence);
}
