using CorsLab.Spec.Cases;

namespace CorsLab.Spec;

/// <summary>Every case of the spec, grouped as in <c>Cases/</c>, in a fixed order.</summary>
public static class SpecCatalog
{
    /// <summary>The groups, in run order: the contract first, then the details that build on it.</summary>
    public static IReadOnlyList<(string Group, IReadOnlyList<SpecCase> Cases)> Groups { get; } =
    [
        ("contract", ContractCases.All),
        ("cors", CorsCases.All),
        ("method", MethodCases.All),
        ("body", BodyCases.All),
        ("header", HeaderCases.All),
        ("upstream", UpstreamFailureCases.All),
        ("url", UrlValidationCases.All),
        ("policy", PolicyCases.All),
        ("streaming", StreamingCases.All),
    ];

    public static IReadOnlyList<SpecCase> All { get; } = [.. Groups.SelectMany(g => g.Cases)];

    /// <summary>The case with this id, or null.</summary>
    public static SpecCase? Find(string id) => All.FirstOrDefault(c => string.Equals(c.Id, id, StringComparison.Ordinal));
}
