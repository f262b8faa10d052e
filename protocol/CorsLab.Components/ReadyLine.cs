using System.Globalization;

namespace CorsLab.Components;

/// <summary>
/// The one line a child component prints on stdout once it listens: <c>ready: key=value key=value</c>.
/// The parent waits for it instead of polling ports. Every line ends with <see cref="CpusKey"/>.
/// </summary>
public static class ReadyLine
{
    /// <summary>The CPUs the component's runtime sized itself for (thread pool, GC, socket engines): all of the machine's unless it was started pinned.</summary>
    public const string CpusKey = "cpus";

    private const string Prefix = "ready: ";

    public static string Format(params (string Key, string Value)[] fields) =>
        Prefix + string.Join(' ', fields.Append((Key: CpusKey, Value: Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture))).Select(field => $"{field.Key}={field.Value}"));

    public static bool TryParse(string line, out IReadOnlyDictionary<string, string> fields)
    {
        if (!line.StartsWith(Prefix, StringComparison.Ordinal))
        {
            fields = new Dictionary<string, string>();
            return false;
        }

        var parsed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in line[Prefix.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                parsed[part[..eq]] = part[(eq + 1)..];
            }
        }

        fields = parsed;
        return true;
    }
}
