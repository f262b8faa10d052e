namespace CorsLab.Proxies.Core.Contract;

/// <summary>
/// The contract's CORS headers. They replace whatever <c>Access-Control-*</c> headers the upstream sent;
/// the origin is echoed, with <c>Vary: Origin</c>, only when the request carried one.
/// </summary>
public static class CorsHeaders
{
    public const string AllowCredentials = "Access-Control-Allow-Credentials";
    public const string AllowHeaders = "Access-Control-Allow-Headers";
    public const string AllowMethods = "Access-Control-Allow-Methods";
    public const string AllowOrigin = "Access-Control-Allow-Origin";
    public const string Vary = "Vary";
    public const string Origin = "Origin";

    public const string AllowCredentialsValue = "true";
    public const string AllowHeadersValue = "authorization";
    public const string AllowMethodsValue = "GET,HEAD,PUT,PATCH,POST,DELETE";

    private const string Prefix = "Access-Control-";

    /// <summary>True for any <c>Access-Control-*</c> header, which the contract owns.</summary>
    public static bool IsCorsHeader(ReadOnlySpan<char> name) => name.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>Calls <paramref name="set"/> once per header to write, in a fixed order.</summary>
    /// <param name="existingVary">The upstream's <c>Vary</c>, merged rather than lost.</param>
    public static void Apply<TState>(string? origin, string? existingVary, TState state, Action<TState, string, string> set)
    {
        set(state, AllowCredentials, AllowCredentialsValue);
        set(state, AllowHeaders, AllowHeadersValue);
        set(state, AllowMethods, AllowMethodsValue);
        if (!string.IsNullOrEmpty(origin))
        {
            set(state, AllowOrigin, origin);
            set(state, Vary, MergeVary(existingVary));
        }
    }

    internal static string MergeVary(string? existing)
    {
        if (string.IsNullOrWhiteSpace(existing))
        {
            return Origin;
        }

        foreach (var range in existing.AsSpan().Split(','))
        {
            var token = existing.AsSpan()[range].Trim();
            if (token.Equals(Origin, StringComparison.OrdinalIgnoreCase) || token.SequenceEqual("*"))
            {
                return existing;
            }
        }

        return existing + ", " + Origin;
    }
}
