namespace CorsLab.Reports.Analysis;

/// <summary>
/// One observed misbehaviour of one target in one scenario, with the number that triggered it and the same number for
/// the reference it was judged against (the <c>direct</c> target, or the best other target when there is none).
/// </summary>
/// <param name="Value">The quantity: a fraction for buffering and churn, a count for stalls and errors, µs for Nagle.</param>
/// <param name="Reference">That quantity for the reference, when there was one.</param>
/// <param name="Source">What <paramref name="Reference"/> was measured on.</param>
/// <param name="Seconds">For <see cref="BehaviourKind.Stalls"/>: the seconds of the phase that stalled.</param>
/// <param name="Detail">For <see cref="BehaviourKind.Errors"/>: counts by kind.</param>
public sealed record Behaviour(
    string Target,
    string Scenario,
    BehaviourKind Kind,
    double Value,
    double? Reference,
    ReferenceSource Source,
    IReadOnlyList<int> Seconds,
    IReadOnlyDictionary<string, long> Detail)
{
    /// <summary>Errors above this fraction of requests, stalls and the buffering kinds rule an engine out of a recommendation.</summary>
    public const double DisqualifyingErrorRate = 0.01;

    public bool Disqualifies(long requests) => Kind switch
    {
        BehaviourKind.Errors => requests == 0 || Value / requests > DisqualifyingErrorRate,
        _ => true,
    };
}

/// <summary>What a behaviour's reference number was measured on.</summary>
public enum ReferenceSource
{
    /// <summary>Judged on its own: no reference.</summary>
    None,

    /// <summary>The direct target, same scenario.</summary>
    Direct,

    /// <summary>The best other target, same scenario (no direct target ran).</summary>
    OtherTarget,

    /// <summary>The load client's own connections per request, same phase.</summary>
    Client,
}
