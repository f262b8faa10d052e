using static CorsLab.Spec.Cases.ContractText;

namespace CorsLab.Spec.Cases;

/// <summary>
/// The target policy: unspecified addresses are denied by default (on Linux, connecting to 0.0.0.0 or [::]
/// reaches the local host), in every spelling, and the engine's own <c>--deny-target</c> is honoured. Each
/// denied URL names the origin's port, so a proxy that ignored the policy would get through.
/// </summary>
internal static class PolicyCases
{
    public static IReadOnlyList<SpecCase> All { get; } =
    [
        new("policy-unspecified-ipv4",
            "http://0.0.0.0:PORT/ is denied by default: 403 Target not allowed.",
            new SpecRequest { RawUrl = "http://0.0.0.0:{origin-port}/bytes/16" },
            [new ExpectStatus(403), new ExpectBody(TargetNotAllowed)]),

        new("policy-unspecified-ipv6",
            "http://[::]:PORT/ is denied by default: 403 Target not allowed.",
            new SpecRequest { RawUrl = "http://[::]:{origin-port}/bytes/16" },
            [new ExpectStatus(403), new ExpectBody(TargetNotAllowed)]),

        new("policy-unspecified-ipv4-mapped",
            "0.0.0.0 written as an IPv4-mapped IPv6 address is refused too (403, or 400 as invalid)",
            new SpecRequest { RawUrl = "http://[::ffff:0.0.0.0]:{origin-port}/bytes/16" },
            [new ExpectStatusIn(403, 400)]),

        new("policy-unspecified-shorthand",
            "0.0.0.0 written as the bare number 0 is refused too (403, or 400 as invalid)",
            new SpecRequest { RawUrl = "http://0:{origin-port}/bytes/16" },
            [new ExpectStatusIn(403, 400)]),

        new("policy-unspecified-ideographic-dots",
            "0.0.0.0 written with ideographic full stops (U+3002), which IDNA maps to dots, is denied too: 403",
            new SpecRequest { RawUrl = "http://0\u30020\u30020\u30020:{origin-port}/bytes/16" },
            [new ExpectStatus(403), new ExpectBody(TargetNotAllowed)]),

        new("policy-configured-deny",
            "a target the engine was told to deny (--deny-target 127.0.0.2) gives 403 Target not allowed.",
            new SpecRequest { RawUrl = "{denied}" },
            [new ExpectStatus(403), new ExpectBody(TargetNotAllowed)]),

        new("policy-denied-not-forwarded-with-origin",
            "a denied target is refused before any upstream call, whatever the request carries",
            new SpecRequest { Method = "POST", RawUrl = "http://0.0.0.0:{origin-port}/echo", Headers = [OriginHeader], Body = SpecBody.Sized(1024) },
            [new ExpectStatus(403), new ExpectBody(TargetNotAllowed)]),
    ];
}
