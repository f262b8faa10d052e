namespace CorsLab.Load.Scenarios;

/// <summary>
/// How a target is asked for an upstream URL: a URL template with <c>{url}</c> (the whole upstream URL, escaped, as the
/// CORS contract's <c>?url=</c> takes it) or with <c>{path}</c> (the upstream's path and query appended as they are,
/// for a gateway that routes every path to one upstream it was configured with, as nginx's <c>proxy_pass</c> does).
/// </summary>
public static class TargetTemplate
{
    public const string Url = "{url}";
    public const string Path = "{path}";

    /// <summary>What a valid template looks like, for error messages.</summary>
    public const string Examples = "http://127.0.0.1:8080/?url={url}, or http://127.0.0.1:8080{path} for a gateway routing every path to the lab's origin";

    /// <summary>Whether <paramref name="template"/> is an absolute http(s) URL holding exactly one of the placeholders.</summary>
    public static bool IsValid(string template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var url = template.Contains(Url, StringComparison.Ordinal);
        var path = template.Contains(Path, StringComparison.Ordinal);
        return url != path
            && Uri.TryCreate(Sample(template), UriKind.Absolute, out var sample)
            && (sample.Scheme == Uri.UriSchemeHttp || sample.Scheme == Uri.UriSchemeHttps);
    }

    /// <summary>The template with a harmless value in its placeholder, to read its scheme and authority.</summary>
    public static string Sample(string template) =>
        template.Replace(Url, "x", StringComparison.Ordinal).Replace(Path, "/", StringComparison.Ordinal);

    /// <summary>The URL <paramref name="template"/> asks for <paramref name="upstream"/>.</summary>
    public static Uri Apply(string template, Uri upstream)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(upstream);
        return template.Contains(Path, StringComparison.Ordinal)
            ? new Uri(template.Replace(Path, upstream.PathAndQuery, StringComparison.Ordinal))
            : new Uri(template.Replace(Url, Uri.EscapeDataString(upstream.ToString()), StringComparison.Ordinal));
    }
}
