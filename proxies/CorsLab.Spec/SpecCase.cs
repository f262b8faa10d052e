namespace CorsLab.Spec;

/// <summary>
/// One behaviour of the contract, as data: a stable kebab-case id, one sentence saying what it checks,
/// the request to send, and the expectations the response must meet (all of them, in order).
/// </summary>
public sealed record SpecCase(string Id, string Description, SpecRequest Request, IReadOnlyList<SpecExpectation> Expect)
{
    /// <summary>The group the case belongs to: the id's first segment (<c>cors-preflight-…</c> → <c>cors</c>).</summary>
    public string Group => Id.Split('-', 2)[0];

    public override string ToString() => Id;
}
