using System.Net;

namespace CorsLab.Proxies.Core.Policy;

/// <summary>
/// Which upstream addresses an engine may connect to, judged against the address actually connected to,
/// so a name that resolves to a denied address is denied.
/// Order: an explicit deny always wins; with an allow list, only what it names passes;
/// the default denies (link-local, unspecified) apply unless an allow entry names the target.
/// </summary>
public sealed class TargetPolicy
{
    /// <summary>Link-local (cloud metadata lives at 169.254.169.254) and unspecified addresses.</summary>
    public static readonly IReadOnlyList<TargetRule> DefaultDenies =
    [
        TargetRule.Parse("169.254.0.0/16"),
        TargetRule.Parse("fe80::/10"),
        TargetRule.Parse("0.0.0.0/8"),
        TargetRule.Parse("::/128"),
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
        if (AnyMatch(Deny, host, address))
        {
            return false;
        }

        var explicitlyAllowed = AnyMatch(Allow, host, address);
        if (Allow.Count > 0 && !explicitlyAllowed)
        {
            return false;
        }

        return explicitlyAllowed || !AnyMatch(DefaultDenies, host, address);
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
}
