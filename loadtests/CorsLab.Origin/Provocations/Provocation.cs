using Microsoft.AspNetCore.Http;

namespace CorsLab.Origin.Provocations;

/// <summary>
/// Upstream behaviours that real origins show and proxies mishandle, asked for per request with query parameters on
/// any endpoint (README "Provocations"): the response head in a write of its own, Nagle left on, <c>Connection: close</c>,
/// an idle keep-alive timeout, no <c>100 Continue</c>, an HTTP/1.0 response.
/// </summary>
internal sealed record Provocation
{
    /// <summary>Largest split gap and idle timeout: a minute, beyond any probe.</summary>
    public const int MaxMilliseconds = 60_000;

    public const string SplitParameter = "split_ms";
    public const string NagleParameter = "nagle";
    public const string CloseParameter = "close";
    public const string IdleCloseParameter = "idle_close_ms";
    public const string NoContinueParameter = "no_continue";
    public const string Http10Parameter = "http10";

    /// <summary>Head flushed alone, then each body write flushed alone after this gap; null: the endpoint's own writes.</summary>
    public TimeSpan? SplitGap { get; init; }

    /// <summary>Nagle's algorithm on for this response (TCP_NODELAY off), so a small write after another waits for its ACK.</summary>
    public bool Nagle { get; init; }

    /// <summary>Answer with <c>Connection: close</c> and close the connection after the response.</summary>
    public bool Close { get; init; }

    /// <summary>Close the connection when no request follows this one within this time; null: Kestrel's own keep-alive timeout.</summary>
    public TimeSpan? IdleClose { get; init; }

    /// <summary>Never send <c>100 Continue</c>: a client that sent <c>Expect: 100-continue</c> waits until it gives up and sends the body anyway.</summary>
    public bool NoContinue { get; init; }

    /// <summary>Answer as HTTP/1.0: no chunking, no length, the body ended by closing the connection (plain listener only).</summary>
    public bool Http10 { get; init; }

    public bool Any => SplitGap is not null || Nagle || Close || IdleClose is not null || NoContinue || Http10;

    /// <summary>The provocation asked for by <paramref name="query"/>; false with the parameter's name and range when a value is out of range.</summary>
    public static bool TryParse(IQueryCollection query, out Provocation provocation, out (string Name, long Min, long Max) error)
    {
        provocation = None;
        error = default;
        if (query.Count == 0)
        {
            return true;
        }

        if (!TryMilliseconds(query, SplitParameter, out var split))
        {
            error = (SplitParameter, 0, MaxMilliseconds);
            return false;
        }

        if (!TryMilliseconds(query, IdleCloseParameter, out var idle))
        {
            error = (IdleCloseParameter, 0, MaxMilliseconds);
            return false;
        }

        foreach (var flag in Flags)
        {
            if (!TryFlag(query, flag, out _))
            {
                error = (flag, 0, 1);
                return false;
            }
        }

        TryFlag(query, NagleParameter, out var nagle);
        TryFlag(query, CloseParameter, out var close);
        TryFlag(query, NoContinueParameter, out var noContinue);
        TryFlag(query, Http10Parameter, out var http10);
        provocation = new Provocation { SplitGap = split, Nagle = nagle, Close = close, IdleClose = idle, NoContinue = noContinue, Http10 = http10 };
        return true;
    }

    private static Provocation None { get; } = new();

    private static readonly string[] Flags = [NagleParameter, CloseParameter, NoContinueParameter, Http10Parameter];

    private static bool TryMilliseconds(IQueryCollection query, string name, out TimeSpan? value)
    {
        value = null;
        var text = query[name].ToString();
        if (text.Length == 0)
        {
            return true;
        }

        if (!int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ms) || ms > MaxMilliseconds)
        {
            return false;
        }

        value = TimeSpan.FromMilliseconds(ms);
        return true;
    }

    private static bool TryFlag(IQueryCollection query, string name, out bool value)
    {
        var text = query[name].ToString();
        value = text == "1";
        return text is "" or "0" or "1";
    }
}
