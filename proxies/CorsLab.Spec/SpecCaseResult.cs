namespace CorsLab.Spec;

/// <summary>How one case went. <paramref name="Detail"/> is one line: for a failure, expected against actual.</summary>
public sealed record SpecCaseResult(string Id, SpecOutcome Outcome, string Detail, TimeSpan Elapsed)
{
    public bool Passed => Outcome == SpecOutcome.Passed;

    public override string ToString() =>
        $"{Outcome.ToString().ToLowerInvariant(),-7} {Id} ({Elapsed.TotalMilliseconds:F0} ms): {Detail}";
}
