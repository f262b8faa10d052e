using System.Net;

namespace CorsLab.Proxies.Core.Policy;

/// <summary>One <c>--allow-target</c> or <c>--deny-target</c> entry: a host name, an address or a CIDR block.</summary>
public sealed record TargetRule
{
    private TargetRule(string text, string? hostName, IPNetwork? network)
    {
        Text = text;
        HostName = hostName;
        Network = network;
    }

    public string Text { get; }

    public string? HostName { get; }

    public IPNetwork? Network { get; }

    /// <exception cref="FormatException">The text is neither a host name, an address nor a CIDR.</exception>
    public static TargetRule Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        // Old IPv4 shorthands ("10" is 0.0.0.10, "127.1" is 127.0.0.1) would silently mean something else.
        var shorthandIPv4 = !trimmed.Contains(':', StringComparison.Ordinal) && trimmed.Split('/')[0].Count(c => c == '.') != 3;
        if (!shorthandIPv4 && IPNetwork.TryParse(trimmed, out var network))
        {
            return new TargetRule(trimmed, null, network);
        }

        if (!shorthandIPv4 && trimmed.StartsWith('[') == trimmed.EndsWith(']') && IPAddress.TryParse(trimmed.Trim('[', ']'), out var address))
        {
            return new TargetRule(trimmed, null, new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128));
        }

        // A last label that starts with a digit is no top-level domain (they are alphabetic): "192.168.1.0-255" or
        // "10.0.0.1x" are address typos, and as names they would deny nothing.
        var name = trimmed.TrimEnd('.');
        if (Uri.CheckHostName(name) == UriHostNameType.Dns && !char.IsAsciiDigit(name.Split('.')[^1][0]))
        {
            return new TargetRule(trimmed, name.ToLowerInvariant(), null);
        }

        throw new FormatException($"'{text}' is not a host name, an IP address or a CIDR block (e.g. example.com, 10.0.0.1, 10.0.0.0/8).");
    }

    public bool Matches(string host, IPAddress address)
    {
        if (HostName is not null)
        {
            // "name." is the same DNS name as "name": the root dot must not slip past a deny rule.
            host = host.TrimEnd('.');
            return string.Equals(HostName, host, StringComparison.OrdinalIgnoreCase)
                || host.EndsWith("." + HostName, StringComparison.OrdinalIgnoreCase);
        }

        return MatchesAddress(address);
    }

    /// <summary>True for an address or CIDR entry that covers <paramref name="address"/>; a host-name entry matches no address.</summary>
    public bool MatchesAddress(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var candidate = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return Network is { } network && network.Contains(candidate);
    }

    public override string ToString() => Text;
}
