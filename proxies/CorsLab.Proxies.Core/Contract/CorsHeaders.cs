using System.Buffers;

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

    /// <summary>
    /// <see cref="Apply{TState}(string?, string?, TState, Action{TState, string, string})"/> from spans, allocating
    /// nothing: the same headers with the same values in the same order.
    /// </summary>
    /// <param name="origin">The request's <c>Origin</c>; empty when it carried none.</param>
    /// <param name="existingVary">The upstream's <c>Vary</c> (several fields joined with ", "); empty when none.</param>
    public static void ApplySpans<TState>(ReadOnlySpan<char> origin, ReadOnlySpan<char> existingVary, TState state, CorsHeaderSetter<TState> set)
    {
        ArgumentNullException.ThrowIfNull(set);
        set(state, AllowCredentials, AllowCredentialsValue);
        set(state, AllowHeaders, AllowHeadersValue);
        set(state, AllowMethods, AllowMethodsValue);
        if (origin.IsEmpty)
        {
            return;
        }

        set(state, AllowOrigin, origin);
        if (existingVary.IsWhiteSpace())
        {
            set(state, Vary, Origin);
            return;
        }

        if (NamesOrigin(existingVary))
        {
            set(state, Vary, existingVary);
            return;
        }

        // existing + ", " + Origin, as MergeVary builds it.
        const int StackChars = 256;
        var length = existingVary.Length + 2 + Origin.Length;
        char[]? rented = null;
        var merged = length <= StackChars ? stackalloc char[StackChars] : (rented = ArrayPool<char>.Shared.Rent(length));
        existingVary.CopyTo(merged);
        ", ".CopyTo(merged[existingVary.Length..]);
        Origin.CopyTo(merged[(existingVary.Length + 2)..]);
        set(state, Vary, merged[..length]);
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }
    }

    internal static string MergeVary(string? existing)
    {
        if (string.IsNullOrWhiteSpace(existing))
        {
            return Origin;
        }

        return NamesOrigin(existing) ? existing : existing + ", " + Origin;
    }

    /// <summary>Whether a Vary value already covers Origin (it names it, or is <c>*</c>).</summary>
    private static bool NamesOrigin(ReadOnlySpan<char> vary)
    {
        foreach (var range in vary.Split(','))
        {
            var token = vary[range].Trim();
            if (token.Equals(Origin, StringComparison.OrdinalIgnoreCase) || token.SequenceEqual("*"))
            {
                return true;
            }
        }

        return false;
    }
}
