using System.Globalization;

namespace CorsLab.Protocol;

/// <summary>
/// The duration syntax of every lab command line (engines, origin, load): a number of seconds (<c>2</c>,
/// <c>0.5</c>) or a number with a unit (<c>200us</c>, <c>500ms</c>, <c>2s</c>, <c>1m</c>), from <see cref="Shortest"/> to
/// <see cref="Longest"/>: below a microsecond a value rounds to nothing, and beyond a day it is a typo.
/// </summary>
public static class Durations
{
    public const string Syntax = "use seconds (2, 0.5) or a unit (200us, 500ms, 2s, 1m), from 1us to 1 day";

    public static readonly TimeSpan Shortest = TimeSpan.FromMicroseconds(1);

    public static readonly TimeSpan Longest = TimeSpan.FromDays(1);

    public static bool TryParse(string text, out TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (number, scale) = text switch
        {
            _ when text.EndsWith("us", StringComparison.Ordinal) => (text[..^2], 0.000_001),
            _ when text.EndsWith("µs", StringComparison.Ordinal) => (text[..^2], 0.000_001),
            _ when text.EndsWith("ms", StringComparison.Ordinal) => (text[..^2], 0.001),
            _ when text.EndsWith('s') => (text[..^1], 1.0),
            _ when text.EndsWith('m') => (text[..^1], 60.0),
            _ => (text, 1.0),
        };

        var seconds = double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value * scale : double.NaN;
        if (!(seconds >= Shortest.TotalSeconds && seconds <= Longest.TotalSeconds))
        {
            duration = TimeSpan.Zero;
            return false;
        }

        duration = TimeSpan.FromSeconds(seconds);
        return true;
    }
}
