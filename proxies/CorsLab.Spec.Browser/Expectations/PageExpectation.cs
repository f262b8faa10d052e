namespace CorsLab.Spec.Browser;

/// <summary>
/// One thing the page must see. Plain records, as the HTTP spec's expectations are, judged in order by
/// <c>PageJudge</c>; the first that fails names expected against actual in one line.
/// </summary>
public abstract record PageExpectation;

/// <summary>The browser handed the script a response (no CORS refusal) with this status.</summary>
public sealed record SeeStatus(int Status) : PageExpectation;

/// <summary>The script read exactly this body as text.</summary>
public sealed record SeeBody(string Text) : PageExpectation;

/// <summary>The script read a body holding this text.</summary>
public sealed record SeeBodyContains(string Text) : PageExpectation;

/// <summary>The script read exactly this many body bytes.</summary>
public sealed record SeeBodyLength(long Bytes) : PageExpectation;

/// <summary>The script could read this response header (only CORS-safelisted ones are readable without Expose-Headers).</summary>
public sealed record SeeHeader(string Name, string Value) : PageExpectation;

/// <summary>The browser refused the exchange: <c>fetch</c> rejected with a network error, the script saw no response.</summary>
public sealed record SeeRefused : PageExpectation;

/// <summary>The <c>EventSource</c> delivered exactly these <c>data</c> values, in this order.</summary>
public sealed record SeeEvents(IReadOnlyList<string> Data) : PageExpectation;

/// <summary>
/// The body reached the script as the origin sent it, <paramref name="Chunks"/> chunks <paramref name="IntervalMs"/>
/// apart: the first chunk came at least half the drip's span before the last. A proxy that buffers hands the whole body
/// over at once, after the origin's last chunk, so its first and last chunk arrive together. Judged on the spread
/// rather than on the time to the first chunk, because an engine's first upstream connection can take a second on a
/// busy machine (yarp's first request here: 1 s to its first byte) and that delay comes before the first chunk either way.
/// </summary>
public sealed record SeeStreamed(int Chunks, int IntervalMs) : PageExpectation
{
    /// <summary>From the origin's first chunk to its last.</summary>
    public double DripMilliseconds => (Chunks - 1) * (double)IntervalMs;
}
