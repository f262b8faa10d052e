using System.Net;
using System.Net.Sockets;

namespace CorsLab.Proxies.Core.Policy;

/// <summary>
/// The IPv4 address an IPv6 address carries to an IPv4 host: through a NAT64 gateway (RFC 6052's well-known
/// prefix 64:ff9b::/96), a 6to4 relay (2002::/16, RFC 3056) or as a deprecated IPv4-compatible address (::/96,
/// RFC 4291). Connecting to such an address reaches that IPv4 host, so the policy judges both.
/// </summary>
public static class EmbeddedIPv4
{
    private static readonly IPNetwork Nat64WellKnown = IPNetwork.Parse("64:ff9b::/96");
    private static readonly IPNetwork SixToFour = IPNetwork.Parse("2002::/16");
    private static readonly IPNetwork IPv4Compatible = IPNetwork.Parse("::/96");

    /// <summary>The IPv4 address carried by <paramref name="address"/>, or null when it carries none.</summary>
    public static IPAddress? Of(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.AddressFamily != AddressFamily.InterNetworkV6 || address.IsIPv4MappedToIPv6)
        {
            return null;
        }

        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        if (Nat64WellKnown.Contains(address))
        {
            return new IPAddress(bytes[12..]);
        }

        if (SixToFour.Contains(address))
        {
            return new IPAddress(bytes[2..6]);
        }

        // "::" and "::1" are the unspecified and loopback addresses, not IPv4-compatible ones.
        if (IPv4Compatible.Contains(address) && !address.Equals(IPAddress.IPv6None) && !address.Equals(IPAddress.IPv6Loopback))
        {
            return new IPAddress(bytes[12..]);
        }

        return null;
    }
}
