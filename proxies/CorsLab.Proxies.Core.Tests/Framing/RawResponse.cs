namespace CorsLab.Proxies.Core.Tests.Framing;

/// <summary>One response as read off a raw socket: the status, the head as sent, and the body with any chunked framing removed.</summary>
public sealed record RawResponse(int Status, string Head, string Body)
{
    /// <summary>What the engine sent after the response until it closed; null when the exchange did not wait for the close.</summary>
    public string? AfterResponse { get; init; }

    /// <summary>The value of the first header named <paramref name="name"/>, or null.</summary>
    public string? Header(string name)
    {
        foreach (var line in Head.Split("\r\n").Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && line.AsSpan(0, colon).Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return line[(colon + 1)..].Trim();
            }
        }

        return null;
    }
}
