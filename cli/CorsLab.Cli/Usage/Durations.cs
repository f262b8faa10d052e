using System.Globalization;

namespace CorsLab.Cli.Usage;

/// <summary>Durations on the command line: a number of seconds (<c>2</c>, <c>0.5</c>) or with a unit (<c>500ms</c>, <c>2s</c>, <c>1m</c>).</summary>
internal static class Durations
{
    public static TimeSpan Parse(string option, string text)
    {
        var (number, scale) = text switch
        {
            _ when text.EndsWith("ms", StringComparison.Ordinal) => (text[..^2], 0.001),
            _ when text.EndsWith('s') => (text[..^1], 1.0),
            _ when text.EndsWith('m') => (text[..^1], 60.0),
            _ => (text, 1.0),
        };

        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value <= 0 || double.IsInfinity(value))
        {
            throw new UsageException($"{option}: '{text}' is not a positive duration; use seconds (2, 0.5) or a unit (500ms, 2s, 1m)");
        }

        return TimeSpan.FromSeconds(value * scale);
    }
}
