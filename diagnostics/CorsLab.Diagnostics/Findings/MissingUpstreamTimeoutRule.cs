using CorsLab.Results;

namespace CorsLab.Diagnostics.Findings;

/// <summary>
/// <c>missing-upstream-timeout</c>: a request to an upstream that never answers got no answer from the proxy either
/// before the client gave up: the proxy has no upstream timeout (or one longer than any client waits), so each
/// silent upstream request holds a client connection, an upstream connection and their buffers for as long as the
/// client waits. Reads the silent-upstream probe (<c>diagnose --deep</c>), which needs no direct reference: the
/// upstream is silent by construction.
/// </summary>
public sealed class MissingUpstreamTimeoutRule : IFindingRule
{
    public const string FindingId = "missing-upstream-timeout";

    /// <summary>The probe client's wait (65 s): past nginx's 60 s default read timeout, so any proxy with a usual timeout answers first.</summary>
    public const double ClientBoundSeconds = 65;

    public string Id => FindingId;

    public IReadOnlyList<string> Scenarios { get; } = [ScenarioNames.SilentUpstream];

    public Finding? Evaluate(TargetEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        if (evidence.First(Scenarios, m => m.Requests > 0) is not ({ } measured, _))
        {
            return null;
        }

        var unanswered = measured.Errors.TryGetValue("timeout", out var timeouts) ? timeouts : 0;
        if (unanswered == 0)
        {
            return null;
        }

        var summary = Evidence.Invariant(
            $"{unanswered} of {measured.Requests} requests to an upstream that never answered got no answer from the proxy within the client's {ClientBoundSeconds:0} s: no upstream timeout (a 504 after it) cut them short, so each one held a client and an upstream connection for as long as the client waited.");
        var facts = new Dictionary<string, string>
        {
            ["scenario"] = measured.Scenario,
            ["requests"] = Evidence.Count(measured.Requests),
            ["unanswered"] = Evidence.Count(unanswered),
            ["clientBound"] = Evidence.Invariant($"{ClientBoundSeconds:0} s"),
        };
        return new Finding(
            FindingId,
            FindingSeverity.Warn,
            summary,
            facts,
            "Bound the wait for the upstream's response head (and for each body read) and answer 504 when it passes: YARP's ActivityTimeout, HttpClient.Timeout or a per-request CancellationToken, nginx's proxy_read_timeout; shorter than the clients' own timeout.");
    }
}
