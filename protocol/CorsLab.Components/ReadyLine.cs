namespace CorsLab.Components;

/// <summary>
/// The one line a child component prints on stdout once it listens: <c>ready: key=value key=value</c>.
/// The parent waits for it instead of polling ports.
/// </summary>
public static class ReadyLine
{
    private const string Prefix = "ready: ";

    public static string Format(params (string Key, string Value)[] fields) =>
        Prefix + string.Join(' ', fields.Select(field => $"{field.Key}={field.Value}"));

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
