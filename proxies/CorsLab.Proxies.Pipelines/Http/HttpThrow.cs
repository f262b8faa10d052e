using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace CorsLab.Proxies.Pipelines.Http;

/// <summary>
/// Throw helpers kept out of the parsers' hot paths (as Kestrel's <c>KestrelBadHttpRequestException.Throw</c>):
/// the parsing method stays small enough to inline, and the rejected bytes are echoed escaped and truncated.
/// </summary>
internal static class HttpThrow
{
    private const int MaxEchoedBytes = 64;

    [DoesNotReturn]
    [StackTraceHidden]
    public static void Reject(RequestRejectionReason reason) =>
        throw new BadHttpRequestException(reason, reason.ToString());

    [DoesNotReturn]
    [StackTraceHidden]
    public static void Reject(RequestRejectionReason reason, ReadOnlySpan<byte> detail) =>
        throw new BadHttpRequestException(reason, $"{reason}: '{Escape(detail)}'");

    [DoesNotReturn]
    [StackTraceHidden]
    public static void InvalidResponse(string what) => throw new InvalidUpstreamResponseException(what);

    [DoesNotReturn]
    [StackTraceHidden]
    public static void InvalidChunk(string what) => throw new InvalidDataException($"invalid chunked body: {what}");

    /// <summary>Printable ASCII as is, everything else as <c>\xHH</c>, at most <see cref="MaxEchoedBytes"/> bytes.</summary>
    public static string Escape(ReadOnlySpan<byte> bytes)
    {
        var shown = bytes.Length > MaxEchoedBytes ? bytes[..MaxEchoedBytes] : bytes;
        var text = new StringBuilder(shown.Length + 8);
        foreach (var b in shown)
        {
            if (b is >= 0x20 and < 0x7F)
            {
                text.Append((char)b);
            }
            else
            {
                text.Append(System.Globalization.CultureInfo.InvariantCulture, $"\\x{b:X2}");
            }
        }

        if (shown.Length < bytes.Length)
        {
            text.Append("...");
        }

        return text.ToString();
    }
}
