using System.Text;
using CorsLab.Proxies.Core.Contract;
using CorsLab.Proxies.Pipelines.Http;

namespace CorsLab.Proxies.Pipelines.Forwarding;

/// <summary>
/// Which fields cross the proxy, decided by Core's rules (<see cref="HopByHopHeaders"/>, <see cref="CorsHeaders"/>)
/// on the bytes as received: the name is widened into a stack buffer, never into a string.
/// </summary>
internal static class HeaderRules
{
    private const int StackNameLimit = 256;

    /// <summary>Framing is rewritten by the engine on each side, so the received framing fields never cross.</summary>
    public static bool IsFraming(ReadOnlySpan<byte> name) =>
        (name.Length == 14 && HttpSyntax.NameIs(name, HttpSyntax.ContentLength))
        || (name.Length == 17 && HttpSyntax.NameIs(name, HttpSyntax.TransferEncoding));

    /// <summary>Hop-by-hop by itself or named in the message's <c>Connection</c> fields (<see cref="ConnectionTokensOf"/>).</summary>
    public static bool IsHopByHop(ReadOnlySpan<byte> name, ConnectionTokens connection)
    {
        Span<char> chars = name.Length <= StackNameLimit ? stackalloc char[name.Length] : new char[name.Length];
        Encoding.Latin1.GetChars(name, chars);
        return HopByHopHeaders.IsHopByHop(chars, connection);
    }

    /// <summary>
    /// The names the message's <c>Connection</c> fields list, once per message; nothing is allocated when there is
    /// no such field or it says only <c>keep-alive</c> or <c>close</c>.
    /// </summary>
    public static ConnectionTokens ConnectionTokensOf(HeadBuffer fields, bool hasConnectionHeader)
    {
        if (!hasConnectionHeader)
        {
            return ConnectionTokens.None;
        }

        HashSet<string>? names = null;
        Span<char> stack = stackalloc char[StackNameLimit];
        for (var i = 0; i < fields.Count; i++)
        {
            var fieldName = fields.Name(i);
            if (fieldName.Length != 10 || !HttpSyntax.NameIs(fieldName, HttpSyntax.Connection))
            {
                continue;
            }

            var value = fields.Value(i);
            var chars = value.Length <= StackNameLimit ? stack[..value.Length] : new char[value.Length];
            Encoding.Latin1.GetChars(value, chars);
            ConnectionTokens.Add(ref names, chars);
        }

        return ConnectionTokens.From(names);
    }

    public static bool IsCors(ReadOnlySpan<byte> name)
    {
        if (name.Length < 15 || (name[0] | 0x20) != 'a')
        {
            return false;
        }

        Span<char> chars = name.Length <= StackNameLimit ? stackalloc char[name.Length] : new char[name.Length];
        Encoding.Latin1.GetChars(name, chars);
        return CorsHeaders.IsCorsHeader(chars);
    }
}
