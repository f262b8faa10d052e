using System.Text;
using CsCheck;

namespace CorsLab.Proxies.Pipelines.Tests;

/// <summary>CsCheck generators for the pieces of HTTP/1.1 messages (RFC 9110 §5.6.2, RFC 9112 §5) and their mutations.</summary>
internal static class HttpGen
{
    private const string TokenChars = "!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    /// <summary>What a field value may hold inside: VCHAR, SP, HTAB and obs-text.</summary>
    private static readonly byte[] ValueBytes = [.. Enumerable.Range(0x20, 0x5F).Concat(Enumerable.Range(0x80, 0x80)).Append('\t').Select(b => (byte)b)];

    /// <summary>Bytes that break lines, tokens, lists and numbers: what a mutation puts where it lands.</summary>
    private static readonly byte[] Troublemakers = "\r\n\0 \t:;,=-0aZ\"\\"u8.ToArray().Concat(new byte[] { 0x7F, 0x80, 0xFF, 0x01 }).ToArray();

    public static readonly Gen<string> Token = Gen.String[Gen.Char[TokenChars], 1, 12];

    /// <summary>A field value as the parser reports it: trimmed, so neither end is whitespace.</summary>
    public static readonly Gen<byte[]> FieldValue = Gen.Int[0, ValueBytes.Length - 1].Array[0, 24].Select(indexes =>
    {
        var value = indexes.Select(i => ValueBytes[i]).ToArray();
        if (value.Length > 0)
        {
            value[0] = value[0] is (byte)' ' or (byte)'\t' ? (byte)'x' : value[0];
            value[^1] = value[^1] is (byte)' ' or (byte)'\t' ? (byte)'y' : value[^1];
        }

        return value;
    });

    /// <summary>Optional whitespace around a value (RFC 9112 §5.1).</summary>
    public static readonly Gen<string> Ows = Gen.OneOf("", " ", "\t", "  ", " \t ");

    /// <summary>Raw cut points; <see cref="SplitFeed.Normalize"/> fits them to a message.</summary>
    public static readonly Gen<int[]> Cuts = Gen.Int[0, 4096].Array[0, 8];

    /// <summary>Up to four edits (replace, insert, delete, repeat a stretch) at random places, applied by <see cref="Mutate"/>.</summary>
    public static readonly Gen<(int Kind, int At, int Byte)[]> Mutations = Gen.Select(Gen.Int[0, 3], Gen.Int[0, 1 << 16], Gen.Int[0, 255]).Array[1, 4];

    public static byte[] Mutate(byte[] bytes, (int Kind, int At, int Byte)[] mutations)
    {
        var list = bytes.ToList();
        foreach (var (kind, at, value) in mutations)
        {
            var position = list.Count == 0 ? 0 : at % list.Count;
            var b = value % 2 == 0 ? Troublemakers[value / 2 % Troublemakers.Length] : (byte)value;
            switch (kind)
            {
                case 0 when list.Count > 0:
                    list[position] = b;
                    break;
                case 1:
                    list.Insert(position, b);
                    break;
                case 2 when list.Count > 0:
                    list.RemoveAt(position);
                    break;
                default:
                    list.InsertRange(position, list.Skip(position).Take(1 + (value % 40)).ToArray());
                    break;
            }
        }

        return [.. list];
    }

    /// <summary>The name with each letter's case flipped where <paramref name="flips"/> has a bit set.</summary>
    public static string MixCase(string name, int flips) =>
        string.Concat(name.Select((c, i) => (flips >> (i % 31) & 1) == 1 && char.IsAsciiLetter(c) ? (char)(c ^ 0x20) : c));

    public static byte[] Ascii(string text) => Encoding.Latin1.GetBytes(text);
}
