namespace CorsLab.Spec.Running;

/// <summary>Turns a <see cref="SpecRequest"/> into the absolute URL to send, following the precedence it documents.</summary>
internal static class CaseUrlBuilder
{
    private const string UrlToken = "{url}";

    /// <summary>False, with a reason to skip the case, when the environment cannot express the request.</summary>
    public static bool TryBuild(SpecRequest request, SpecEnvironment environment, out string url, out string? skipReason)
    {
        url = string.Empty;
        skipReason = null;
        var template = environment.TargetTemplate;

        string? built;
        if (request.RawPath is { } rawPath)
        {
            if (!TryExpand(rawPath, environment, out var path, out skipReason))
            {
                return false;
            }

            built = Placeholders.Base(new Uri(template.Replace(UrlToken, "x", StringComparison.Ordinal))) + path;
        }
        else if (request.OriginPath is { } originPath)
        {
            var origin = request.Https ? environment.OriginHttps : environment.OriginHttp;
            if (origin is null)
            {
                skipReason = "the environment has no https origin";
                return false;
            }

            if (!TryExpand(originPath, environment, out var path, out skipReason))
            {
                return false;
            }

            built = template.Replace(UrlToken, Uri.EscapeDataString(Placeholders.Base(origin) + path), StringComparison.Ordinal);
        }
        else if (request.RawUrl is { } rawUrl)
        {
            if (!TryExpand(rawUrl, environment, out var value, out skipReason))
            {
                return false;
            }

            built = template.Replace(UrlToken, Uri.EscapeDataString(value), StringComparison.Ordinal);
        }
        else
        {
            built = WithoutUrlParameter(template);
            if (built is null)
            {
                skipReason = "the target template has no url query parameter to leave out";
                return false;
            }
        }

        if (request.ExtraQuery is { } extra)
        {
            if (!TryExpand(extra, environment, out var query, out skipReason))
            {
                return false;
            }

            built += query;
        }

        url = built;
        return true;
    }

    /// <summary><c>http://h/?a=1&amp;url={url}</c> → <c>http://h/?a=1</c>; null when <c>{url}</c> is not a query parameter.</summary>
    internal static string? WithoutUrlParameter(string template)
    {
        var queryStart = template.IndexOf('?', StringComparison.Ordinal);
        if (queryStart < 0)
        {
            return null;
        }

        var kept = template[(queryStart + 1)..]
            .Split('&')
            .Where(pair => !pair.Contains(UrlToken, StringComparison.Ordinal))
            .ToArray();
        if (kept.Length == template[(queryStart + 1)..].Split('&').Length)
        {
            return null;
        }

        var path = template[..queryStart];
        return kept.Length == 0 ? path : path + "?" + string.Join('&', kept);
    }

    private static bool TryExpand(string text, SpecEnvironment environment, out string expanded, out string? skipReason)
    {
        if (Placeholders.TryExpand(text, environment, out expanded, out var missing))
        {
            skipReason = null;
            return true;
        }

        skipReason = $"the environment has no value for {{{missing}}}";
        return false;
    }
}
