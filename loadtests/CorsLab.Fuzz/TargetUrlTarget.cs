using System.Text;
using CorsLab.Proxies.Core.Contract;

namespace CorsLab.Fuzz;

/// <summary>
/// <see cref="TargetUrlParser"/>: it rejects by status, so any exception is a crash. Its span overload (the
/// allocation-free fast path) must agree with the <see cref="Uri"/> one, and what either accepts must be an
/// absolute http/https URL with a host, no userinfo, and a path that starts with '/'.
/// </summary>
internal static class TargetUrlTarget
{
    public static void Run(byte[] input)
    {
        var query = Encoding.UTF8.GetString(input);
        var expected = TargetUrlParser.Parse(query, out var uri);
        var buffer = new char[query.Length + 1];
        var actual = TargetUrlParser.Parse(query, buffer, out var target);
        FuzzFailure.Unless(expected == actual, $"Uri parse says {expected}, span parse says {actual}");
        if (expected != TargetUrlStatus.Valid)
        {
            FuzzFailure.Unless(uri is null, "a Uri for an invalid target");
            return;
        }

        FuzzFailure.Unless(uri is { IsAbsoluteUri: true, UserInfo.Length: 0 } && uri.Scheme is "http" or "https" && uri.Host.Length > 0, $"accepted {uri}");
        var got = $"{target.Scheme} {target.Host} {target.Port} {target.PathAndQuery}";
        var want = $"{uri!.Scheme} {TargetUrlParser.WireHost(uri)} {uri.Port} {uri.PathAndQuery}";
        FuzzFailure.Unless(got == want, $"Uri gives '{want}', span parse gives '{got}'");
        FuzzFailure.Unless(target.PathAndQuery.StartsWith("/"), "a path that does not start with '/'");
    }
}
