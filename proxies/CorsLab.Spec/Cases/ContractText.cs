namespace CorsLab.Spec.Cases;

/// <summary>
/// The contract's literal values, written out here rather than taken from the engines' code: the spec
/// states what the original gateway answers, so a typo in an engine cannot leak into its own test.
/// </summary>
internal static class ContractText
{
    public const string MissingUrl = "Required \"url\" query parameter not found.";
    public const string InvalidUrl = "Invalid \"url\" query parameter provided.";
    public const string RouteNotFound = "Route not found.";
    public const string TargetNotAllowed = "Target not allowed.";
    public const string HealthOk = "OK";
    public const string CouldNotCompletePrefix = "Could not complete request: \"";

    public const string AllowCredentials = "Access-Control-Allow-Credentials";
    public const string AllowHeaders = "Access-Control-Allow-Headers";
    public const string AllowMethods = "Access-Control-Allow-Methods";
    public const string AllowOrigin = "Access-Control-Allow-Origin";
    public const string AllowMethodsValue = "GET,HEAD,PUT,PATCH,POST,DELETE";

    /// <summary>The page origin a browser would send; loopback, like every address in the spec.</summary>
    public const string BrowserOrigin = "http://127.0.0.1:5173";

    public static readonly SpecHeader OriginHeader = new("Origin", BrowserOrigin);

    /// <summary>The three headers every proxied response and preflight carries, whatever the request.</summary>
    public static readonly SpecExpectation[] AlwaysCors =
    [
        new ExpectHeaderEquals(AllowCredentials, "true"),
        new ExpectHeaderEquals(AllowHeaders, "authorization"),
        new ExpectHeaderEquals(AllowMethods, AllowMethodsValue),
    ];

    /// <summary>Without an <c>Origin</c>: no echo and no <c>Vary: Origin</c>.</summary>
    public static readonly SpecExpectation[] NoOriginEcho =
    [
        new ExpectHeaderAbsent(AllowOrigin),
        new ExpectHeaderLacks("Vary", "Origin"),
    ];

    /// <summary>With <see cref="BrowserOrigin"/> sent: echoed, with <c>Vary: Origin</c>.</summary>
    public static readonly SpecExpectation[] OriginEchoed =
    [
        new ExpectHeaderEquals(AllowOrigin, BrowserOrigin),
        new ExpectHeaderContains("Vary", "Origin"),
    ];

    /// <summary>The 1 MB bound for an aborted body: a proxy that notices the upstream reset answers in milliseconds.</summary>
    public static readonly TimeSpan AbortBound = TimeSpan.FromSeconds(10);

    public const long OneMegabyte = 1024 * 1024;

    public const long TenMegabytes = 10L * 1024 * 1024;
}
