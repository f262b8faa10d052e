using System.Net;

namespace CorsLab.Proxies.Core.Policy;

/// <summary>
/// Which upstream addresses an engine may connect to, judged against the address actually connected to,
/// so a name that resolves to a denied address is denied. An IPv6 address that carries an IPv4 one (NAT64,
/// 6to4, IPv4-compatible, IPv4-mapped) is judged as both.
/// Order: an explicit deny always wins; with an allow list, only what it names passes; the default denies
/// apply unless an address or CIDR allow entry covers the address (a host-name allow never lifts them: the
/// name is the attacker's to point anywhere).
/// </summary>
public sealed class TargetPolicy
{
    /// <summary>Addresses no proxy should reach unless told to; README's "Default denies" table says why each.</summary>
    public static readonly IReadOnlyList<TargetRule> DefaultDenies =
    [
        TargetRule.Parse("169.254.0.0/16"),
        TargetRule.Parse("fe80::/10"),
        TargetRule.Parse("0.0.0.0/8"),
        TargetRule.Parse("::/128"),
        TargetRule.Parse("100.100.100.200"),
        TargetRule.Parse("fd00:ec2::254"),
        TargetRule.Parse("64:ff9b:1::/48"),
    ];

    public static readonly TargetPolicy Default = new([], []);

    public TargetPolicy(IReadOnlyList<TargetRule> allow, IReadOnlyList<TargetRule> deny)
    {
        Allow = allow;
        Deny = deny;
    }

    public IReadOnlyList<TargetRule> Allow { get; }

    public IReadOnlyList<TargetRule> Deny { get; }

    public bool IsAllowed(string host, IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var connected = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        var carried = EmbeddedIPv4.Of(connected);
        if (AnyMatch(Deny, host, connected) || (carried is not null && AnyMatch(Deny, host, carried)))
        {
            return false;
        }

        if (Allow.Count > 0 && !AnyMatch(Allow, host, connected) && (carried is null || !AnyMatch(Allow, host, carried)))
        {
            return false;
        }

        return !DeniedByDefault(connected) && (carried is null || !DeniedByDefault(carried));
    }

    private bool DeniedByDefault(IPAddress address)
    {
        foreach (var rule in DefaultDenies)
        {
            if (rule.MatchesAddress(address))
            {
                return !AnyAddressMatch(Allow, address);
            }
        }

        return false;
    }

    private static bool AnyMatch(IReadOnlyList<TargetRule> rules, string host, IPAddress address)
    {
        foreach (var rule in rules)
        {
            if (rule.Matches(host, address))
            {
                return true;
            }
        }

        return false;
    }

    private static bool AnyAddressMatch(IReadOnlyList<TargetRule> rules, IPAddress address)
    {
        foreach (var rule in rules)
        {
            if (rule.MatchesAddress(address))
            {
                return true;
            }
        }

        return false;
    }
}
