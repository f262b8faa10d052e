using static CorsLab.Spec.Cases.ContractText;

namespace CorsLab.Spec.Cases;

/// <summary>Every method the contract allows reaches the upstream as itself (the origin's /echo names it).</summary>
internal static class MethodCases
{
    public static IReadOnlyList<SpecCase> All { get; } =
    [
        new("method-get",
            "GET reaches the upstream as GET",
            new SpecRequest { OriginPath = "/echo" },
            [new ExpectStatus(200), new ExpectHeaderEquals("x-echo-method", "GET"), new ExpectBodyLength(0), .. AlwaysCors]),

        new("method-head",
            "HEAD reaches the upstream as HEAD and answers no body",
            new SpecRequest { Method = "HEAD", OriginPath = "/echo" },
            [new ExpectStatus(200), new ExpectHeaderEquals("x-echo-method", "HEAD"), new ExpectBodyLength(0), .. AlwaysCors]),

        new("method-post",
            "POST reaches the upstream as POST with its body",
            new SpecRequest { Method = "POST", OriginPath = "/echo", Body = SpecBody.Sized(1024) },
            [new ExpectStatus(200), new ExpectHeaderEquals("x-echo-method", "POST"), new ExpectPayload(1024), .. AlwaysCors]),

        new("method-put",
            "PUT reaches the upstream as PUT with its body",
            new SpecRequest { Method = "PUT", OriginPath = "/echo", Body = SpecBody.Sized(1024) },
            [new ExpectStatus(200), new ExpectHeaderEquals("x-echo-method", "PUT"), new ExpectPayload(1024), .. AlwaysCors]),

        new("method-patch",
            "PATCH reaches the upstream as PATCH with its body",
            new SpecRequest { Method = "PATCH", OriginPath = "/echo", Body = SpecBody.Sized(1024) },
            [new ExpectStatus(200), new ExpectHeaderEquals("x-echo-method", "PATCH"), new ExpectPayload(1024), .. AlwaysCors]),

        new("method-delete",
            "DELETE reaches the upstream as DELETE",
            new SpecRequest { Method = "DELETE", OriginPath = "/headers" },
            [new ExpectStatus(200), new ExpectUpstreamHeaderEquals("_method", "DELETE"), .. AlwaysCors]),
    ];
}
