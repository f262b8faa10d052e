namespace CorsLab.Proxies.Pipelines.Http;

/// <summary>RFC 9112 §5: one <c>field-name ":" OWS field-value OWS CRLF</c> line, validated byte by byte.</summary>
internal static class HeaderLine
{
    /// <param name="line">The line up to (not including) its LF; it must end in CR.</param>
    /// <returns>The rejection reason, or null when <paramref name="field"/> is valid (offsets relative to <paramref name="line"/>).</returns>
    public static RequestRejectionReason? TryParse(ReadOnlySpan<byte> line, out HeaderField field)
    {
        field = default;
        if (line.IsEmpty || line[^1] != (byte)'\r')
        {
            return RequestRejectionReason.BareLineFeed;
        }

        var content = line[..^1];
        if (content[0] is (byte)' ' or (byte)'\t')
        {
            // RFC 9112 §5.2: obs-fold is rejected, not unfolded; a proxy that unfolds disagrees with the origin.
            return RequestRejectionReason.ObsoleteLineFolding;
        }

        var special = content.IndexOfAny((byte)'\r', (byte)0);
        if (special >= 0)
        {
            return content[special] == 0 ? RequestRejectionReason.NulInHead : RequestRejectionReason.BareCarriageReturn;
        }

        var colon = content.IndexOf((byte)':');
        if (colon <= 0 || content[..colon].IndexOfAnyExcept(HttpSyntax.TokenChars) >= 0)
        {
            // Covers "Name : v" too (RFC 9112 §5.1: whitespace before the colon must be rejected).
            return RequestRejectionReason.InvalidHeaderName;
        }

        var rawValue = content[(colon + 1)..];
        var value = HttpSyntax.TrimWhitespace(rawValue);
        if (value.IndexOfAny(HttpSyntax.InvalidValueBytes) >= 0)
        {
            return RequestRejectionReason.InvalidHeaderValue;
        }

        var leading = rawValue.Length - rawValue.TrimStart(" \t"u8).Length;
        field = new HeaderField(0, colon, colon + 1 + leading, value.Length);
        return null;
    }
}
