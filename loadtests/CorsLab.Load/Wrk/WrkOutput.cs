using System.Globalization;
using System.Text.RegularExpressions;

namespace CorsLab.Load.Wrk;

/// <summary>
/// wrk's figures from its <c>--latency</c> output: totals, the latency summary (avg, stdev, max) and the
/// distribution (50, 75, 90, 99 %). Latencies in µs.
/// </summary>
public sealed record WrkOutput(
    long Requests,
    double Seconds,
    double RequestsPerSecond,
    double MeanMicros,
    double MaxMicros,
    IReadOnlyDictionary<double, double> PercentileMicros,
    long Non2xx3xx,
    IReadOnlyDictionary<string, long> SocketErrors,
    long BytesRead)
{
    private static readonly Regex LatencyLine = new(@"^\s*Latency\s+(\S+)\s+(\S+)\s+(\S+)", RegexOptions.Multiline | RegexOptions.CultureInvariant);
    private static readonly Regex PercentileLine = new(@"^\s*(\d+(?:\.\d+)?)%\s+(\S+)\s*$", RegexOptions.Multiline | RegexOptions.CultureInvariant);
    private static readonly Regex TotalsLine = new(@"^\s*(\d+) requests in ([\d.]+)(us|ms|s|m), ([\d.]+)([KMGT]?B) read", RegexOptions.Multiline | RegexOptions.CultureInvariant);
    private static readonly Regex RateLine = new(@"^Requests/sec:\s+([\d.]+)", RegexOptions.Multiline | RegexOptions.CultureInvariant);
    private static readonly Regex Non2xxLine = new(@"^\s*Non-2xx or 3xx responses:\s+(\d+)", RegexOptions.Multiline | RegexOptions.CultureInvariant);
    private static readonly Regex SocketErrorsLine = new(@"^\s*Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", RegexOptions.Multiline | RegexOptions.CultureInvariant);

    /// <exception cref="FormatException">The text is not wrk output with <c>--latency</c>.</exception>
    public static WrkOutput Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var totals = TotalsLine.Match(text);
        var rate = RateLine.Match(text);
        var latency = LatencyLine.Match(text);
        if (!totals.Success || !rate.Success || !latency.Success)
        {
            throw new FormatException("not wrk --latency output: " + text.Trim().Split('\n').LastOrDefault());
        }

        var percentiles = new SortedDictionary<double, double>();
        foreach (Match match in PercentileLine.Matches(text))
        {
            percentiles[Number(match.Groups[1].Value)] = Micros(match.Groups[2].Value);
        }

        var socketErrors = new Dictionary<string, long>();
        if (SocketErrorsLine.Match(text) is { Success: true } errors)
        {
            string[] kinds = ["connect", "read", "write", "timeout"];
            for (var i = 0; i < kinds.Length; i++)
            {
                var count = long.Parse(errors.Groups[i + 1].Value, CultureInfo.InvariantCulture);
                if (count > 0)
                {
                    socketErrors[kinds[i]] = count;
                }
            }
        }

        return new WrkOutput(
            long.Parse(totals.Groups[1].Value, CultureInfo.InvariantCulture),
            ToSeconds(totals.Groups[2].Value, totals.Groups[3].Value),
            Number(rate.Groups[1].Value),
            Micros(latency.Groups[1].Value),
            Micros(latency.Groups[3].Value),
            percentiles,
            Non2xxLine.Match(text) is { Success: true } non2xx ? long.Parse(non2xx.Groups[1].Value, CultureInfo.InvariantCulture) : 0,
            socketErrors,
            Bytes(totals.Groups[4].Value, totals.Groups[5].Value));
    }

    /// <summary>wrk prints durations as <c>1.23us</c>, <c>4.56ms</c>, <c>1.20s</c>, <c>2.00m</c>.</summary>
    internal static double Micros(string text)
    {
        var unit = text.TrimStart("0123456789.".ToCharArray());
        var number = Number(text[..^unit.Length]);
        return unit switch
        {
            "us" => number,
            "ms" => number * 1_000,
            "s" => number * 1_000_000,
            "m" => number * 60_000_000,
            "h" => number * 3_600_000_000,
            _ => throw new FormatException($"unknown wrk duration '{text}'"),
        };
    }

    private static double ToSeconds(string number, string unit) => Micros(number + unit) / 1_000_000;

    private static long Bytes(string number, string unit) => (long)(Number(number) * unit switch
    {
        "KB" => 1024.0,
        "MB" => 1024.0 * 1024,
        "GB" => 1024.0 * 1024 * 1024,
        "TB" => 1024.0 * 1024 * 1024 * 1024,
        _ => 1.0,
    });

    private static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
