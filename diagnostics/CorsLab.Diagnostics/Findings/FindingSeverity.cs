namespace CorsLab.Diagnostics.Findings;

/// <summary>How much a finding matters. Ordered: a gate or a self-check asks for "warn or above".</summary>
public enum FindingSeverity
{
    /// <summary>A number worth knowing (the proxy's overhead), not a fault.</summary>
    Info,

    /// <summary>A known cause of slowness is present and measurable.</summary>
    Warn,

    /// <summary>The cause dominates: most requests pay for it.</summary>
    Critical,
}

public static class FindingSeverities
{
    public static string Name(FindingSeverity severity) => severity switch
    {
        FindingSeverity.Info => "info",
        FindingSeverity.Warn => "warn",
        FindingSeverity.Critical => "critical",
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, null),
    };

    public static bool TryParse(string name, out FindingSeverity severity)
    {
        foreach (var candidate in Enum.GetValues<FindingSeverity>())
        {
            if (string.Equals(Name(candidate), name, StringComparison.OrdinalIgnoreCase))
            {
                severity = candidate;
                return true;
            }
        }

        severity = FindingSeverity.Info;
        return false;
    }
}
