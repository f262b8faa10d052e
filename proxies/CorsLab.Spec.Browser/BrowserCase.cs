namespace CorsLab.Spec.Browser;

/// <summary>
/// One thing a browser must accept (or refuse) through the proxy, as data: a stable kebab-case id starting with
/// <c>browser-</c>, one sentence, what the page does, and what the page must then see (all of it, in order).
/// </summary>
public sealed record BrowserCase(string Id, string Description, BrowserRequest Request, IReadOnlyList<PageExpectation> Expect)
{
    public const string IdPrefix = "browser-";

    public override string ToString() => Id;
}
