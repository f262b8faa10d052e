namespace CorsLab.Spec.Browser.Running;

/// <summary>
/// What the page's script reported (<c>exchange.js</c>): the response as the browser let the script see it, or the
/// error it got instead. Times are the page's own clock, in milliseconds from just before the request.
/// </summary>
internal sealed record PageObservation
{
    /// <summary>Why the script saw no (whole) response: a rejected fetch, a body that broke off, an EventSource error.</summary>
    public string? Error { get; init; }

    public int? Status { get; init; }

    /// <summary>The Response's type: <c>cors</c> for a cross-origin response the browser accepted.</summary>
    public string? Type { get; init; }

    public Dictionary<string, string> Headers { get; init; } = [];

    /// <summary>The body as UTF-8 text, its first 64 KiB.</summary>
    public string? Body { get; init; }

    public long BodyBytes { get; init; }

    /// <summary>When the first body chunk (or the first event) reached the script; null when none did.</summary>
    public double? FirstChunkMs { get; init; }

    /// <summary>When the last body chunk reached the script; null when none did.</summary>
    public double? LastChunkMs { get; init; }

    public double ElapsedMs { get; init; }

    public List<string>? Events { get; init; }

    /// <summary>Chromium's console lines during the exchange: where it says why it refused a response.</summary>
    public IReadOnlyList<string> Console { get; init; } = [];
}
