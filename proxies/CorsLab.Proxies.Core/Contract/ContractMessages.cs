namespace CorsLab.Proxies.Core.Contract;

/// <summary>The contract's status codes and bodies, byte for byte as the original gateway answers.</summary>
public static class ContractMessages
{
    public const string MissingUrl = "Required \"url\" query parameter not found.";
    public const string InvalidUrl = "Invalid \"url\" query parameter provided.";
    public const string RouteNotFound = "Route not found.";
    public const string TargetNotAllowed = "Target not allowed.";
    public const string HealthOk = "OK";

    public const string TextPlain = "text/plain; charset=utf-8";

    /// <summary>The 502/504 body: the reason in quotes, as the original's <c>Could not complete request: "…"</c>.</summary>
    public static string CouldNotComplete(string reason) => $"Could not complete request: \"{reason}\"";
}
