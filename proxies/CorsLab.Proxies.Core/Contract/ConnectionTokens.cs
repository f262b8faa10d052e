namespace CorsLab.Proxies.Core.Contract;

/// <summary>
/// The header names a message's <c>Connection</c> field(s) list, parsed once per message so that judging each of its
/// N headers against M tokens costs N + M, not N × M: a 64 KB head of tokens and matching names cost up to 1.9 s of
/// CPU per response when every header rescanned the list. No cap is needed beyond the head-size limit: the set
/// holds at most what the head held. <c>close</c> and <c>keep-alive</c> name no header and are not kept.
/// </summary>
public sealed class ConnectionTokens
{
    public static readonly ConnectionTokens None = new(null);

    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>>? _lookup;

    private ConnectionTokens(HashSet<string>? names)
    {
        _lookup = names?.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The tokens of every value in <paramref name="connectionValues"/> (nulls skipped).</summary>
    public static ConnectionTokens Of(IEnumerable<string?> connectionValues)
    {
        ArgumentNullException.ThrowIfNull(connectionValues);
        HashSet<string>? names = null;
        foreach (var value in connectionValues)
        {
            if (value is not null)
            {
                Add(ref names, value);
            }
        }

        return names is null ? None : new ConnectionTokens(names);
    }

    /// <summary>The tokens of one <c>Connection</c> value as received (the pipelines engine's bytes, widened).</summary>
    public static void Add(ref HashSet<string>? names, ReadOnlySpan<char> value)
    {
        foreach (var range in value.Split(','))
        {
            var token = value[range].Trim();
            if (token.IsEmpty || token.Equals("close", StringComparison.OrdinalIgnoreCase) || token.Equals("keep-alive", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            // The span lookup makes the string only for a token not seen yet.
            names ??= new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            names.GetAlternateLookup<ReadOnlySpan<char>>().Add(token);
        }
    }

    /// <summary>Wraps a set built with <see cref="Add"/>.</summary>
    public static ConnectionTokens From(HashSet<string>? names) => names is null ? None : new ConnectionTokens(names);

    public bool Lists(ReadOnlySpan<char> name) => _lookup is { } lookup && lookup.Contains(name);
}
