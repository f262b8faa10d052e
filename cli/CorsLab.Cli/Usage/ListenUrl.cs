using System.Globalization;
using System.Net;

namespace CorsLab.Cli.Usage;

/// <summary>
/// The <c>--urls</c> an engine listens on, parsed strictly: one <c>http://ADDRESS:PORT</c> with an IP address or
/// <c>localhost</c>, loopback unless remote listening is asked for. A proxy that listens beyond loopback is an open
/// proxy to whatever its host can reach, so a typo must never widen the bind (Kestrel reads an unparsable host as
/// "every interface").
/// </summary>
internal static class ListenUrl
{
    public const string Syntax = "one http://ADDRESS:PORT with an IP address or localhost, e.g. http://127.0.0.1:8080 (port 0 picks a free one)";

    /// <summary>The URL to hand the engine, or a usage error naming what is wrong.</summary>
    /// <param name="remote">Whether an address beyond loopback was given (and allowed): the caller warns.</param>
    public static string Parse(string option, string text, bool allowRemote, out bool remote)
    {
        remote = false;
        if (text.Contains(';', StringComparison.Ordinal))
        {
            throw new UsageException($"{option}: '{text}' lists several URLs; an engine listens on {Syntax}");
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            throw new UsageException($"{option}: '{text}' is not a URL; use {Syntax}");
        }

        if (url.Scheme == Uri.UriSchemeHttps)
        {
            throw new UsageException($"{option}: '{text}' is https; engines serve http only (put TLS in front); use {Syntax}");
        }

        // Uri reports 80 for an absent port, so the port is read from the authority as written.
        var authority = text[(text.IndexOf("://", StringComparison.Ordinal) + 3)..].Split('/', '?', '#')[0];
        var colon = authority.LastIndexOf(':');
        var portText = colon > authority.LastIndexOf(']') ? authority[(colon + 1)..] : "";
        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > IPEndPoint.MaxPort)
        {
            throw new UsageException($"{option}: '{text}' has no port from 0 to 65535; use {Syntax}");
        }

        if (url.AbsolutePath != "/" || url.Query.Length > 0 || url.UserInfo.Length > 0)
        {
            throw new UsageException($"{option}: '{text}' has a path, query or user; use {Syntax}");
        }

        IPAddress address;
        if (string.Equals(url.Host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            address = IPAddress.Loopback;
        }
        else if (!IPAddress.TryParse(url.Host.Trim('[', ']'), out address!))
        {
            throw new UsageException($"{option}: '{url.Host}' is a host name; listen on an address, {Syntax}");
        }

        if (!IPAddress.IsLoopback(address))
        {
            if (!allowRemote)
            {
                throw new UsageException($"{option}: {address} is beyond loopback, which makes an open proxy; add --allow-remote to mean it, or use {Syntax}");
            }

            remote = true;
        }

        var host = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();
        return string.Create(CultureInfo.InvariantCulture, $"http://{host}:{port}");
    }
}
