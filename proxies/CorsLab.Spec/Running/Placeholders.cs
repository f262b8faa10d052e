using System.Text;

namespace CorsLab.Spec.Running;

/// <summary>Fills the <c>{name}</c> placeholders <see cref="SpecEnvironment"/> documents.</summary>
internal static class Placeholders
{
    private const string UrlPrefix = "url:";

    /// <summary>False, with the missing placeholder's name, when the environment has no value for one.</summary>
    public static bool TryExpand(string text, SpecEnvironment environment, out string expanded, out string? missing)
    {
        missing = null;
        if (!text.Contains('{', StringComparison.Ordinal))
        {
            expanded = text;
            return true;
        }

        var builder = new StringBuilder(text.Length + 64);
        var index = 0;
        while (index < text.Length)
        {
            var open = text.IndexOf('{', index);
            var close = open < 0 ? -1 : text.IndexOf('}', open + 1);
            if (close < 0)
            {
                builder.Append(text, index, text.Length - index);
                break;
            }

            builder.Append(text, index, open - index);
            var name = text.Substring(open + 1, close - open - 1);
            var value = Resolve(name, environment, out var known);
            if (!known)
            {
                // Not a placeholder (e.g. JSON in a value): keep the text as it is.
                builder.Append(text, open, close - open + 1);
            }
            else if (value is null)
            {
                missing = name;
                expanded = text;
                return false;
            }
            else
            {
                builder.Append(value);
            }

            index = close + 1;
        }

        expanded = builder.ToString();
        return true;
    }

    /// <summary>Expands a value that cannot hold an environment-optional placeholder.</summary>
    public static string Expand(string text, SpecEnvironment environment) =>
        TryExpand(text, environment, out var expanded, out var missing)
            ? expanded
            : throw new InvalidOperationException($"placeholder {{{missing}}} has no value in this environment");

    private static string? Resolve(string name, SpecEnvironment environment, out bool known)
    {
        known = true;
        if (name.StartsWith(UrlPrefix, StringComparison.Ordinal))
        {
            return Uri.EscapeDataString(Base(environment.OriginHttp) + name[UrlPrefix.Length..]);
        }

        switch (name)
        {
            case "origin": return Base(environment.OriginHttp);
            case "origin-https": return environment.OriginHttps is { } https ? Base(https) : null;
            case "origin-authority": return environment.OriginHttp.Authority;
            case "origin-https-authority": return environment.OriginHttps?.Authority;
            case "origin-port": return environment.OriginHttp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            case "refused": return Base(environment.RefusedUrl);
            case "refused-authority": return environment.RefusedUrl.Authority;
            case "denied": return environment.DeniedTargetUrl?.OriginalString;
            case "slow-head-ms": return environment.SlowHeadMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            default:
                known = false;
                return null;
        }
    }

    /// <summary><c>scheme://host:port</c>, no trailing slash.</summary>
    public static string Base(Uri uri) => uri.GetLeftPart(UriPartial.Authority);
}
