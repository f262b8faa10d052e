namespace CorsLab.Origin.Hosting;

/// <summary>Validates listener URLs: the scheme asked for and a loopback host.</summary>
internal static class LoopbackUrl
{
    public static string Validate(string value, string scheme, string paramName)
    {
        ArgumentNullException.ThrowIfNull(value, paramName);
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri)
            || uri.Scheme != scheme
            || uri.AbsolutePath != "/"
            || !string.IsNullOrEmpty(uri.Query))
        {
            throw new ArgumentException($"'{value}' is not a {scheme}://HOST:PORT URL.", paramName);
        }

        if (uri.Host is not ("127.0.0.1" or "localhost"))
        {
            throw new ArgumentException($"'{value}' must listen on 127.0.0.1 (or localhost); the origin never binds any other address.", paramName);
        }

        return value;
    }

    /// <summary>The port of an already validated URL; 0 when it asks for a free one.</summary>
    public static int Port(string value) => new Uri(value, UriKind.Absolute).Port;
}
