namespace CorsLab.Cli.Usage;

/// <summary>A duration option's value, or a usage error naming the option and the syntax.</summary>
internal static class DurationOption
{
    public static TimeSpan Parse(string option, string text) =>
        Protocol.Durations.TryParse(text, out var duration)
            ? duration
            : throw new UsageException($"{option}: '{text}' is not a positive duration; {Protocol.Durations.Syntax}");
}
