using System.Globalization;
using System.Net;
using CorsLab.Proxies.Core.Contract;
using CorsLab.Proxies.Core.Policy;
using CsCheck;

namespace CorsLab.Proxies.Core.Tests;

/// <summary>
/// Properties of <see cref="TargetUrlParser"/> over generated queries (CsCheck; a failure prints its seed and the
/// shrunk query): the span overload agrees with the <see cref="Uri"/> one (the oracle of
/// <see cref="TargetUrlParserEquivalenceTests"/>, here over a far larger space of urls), what either accepts is an
/// absolute http/https url with a host, and a denied address written in any notation reaches the policy as that address.
/// </summary>
public sealed class TargetUrlParserPropertyTests
{
    private const string HostChars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-";

    /// <summary>Every ASCII printable, a few controls and non-ASCII: what a client may put in a path or query.</summary>
    private const string UrlChars = "abcxyzABC0129-._~!$&'()*+,;=:@/?#[]% \"<>\\^`{|}\t\u0001\u007f\u00e9\u4e2d\ud83d\ude00";

    private static readonly Gen<string> Scheme = Gen.OneOf("http://", "https://", "HTTP://", "hTtPs://", "http:/", "http:", "ftp://", "http:\\\\", "");

    private static readonly Gen<string> Label = Gen.String[Gen.Char[HostChars], 1, 12];

    private static readonly Gen<string> Octet = Gen.OneOf(Gen.Int[0, 255].Select(Decimal), Gen.Int[0, 300].Select(Decimal), Gen.OneOf("0", "00", "010", "0x1f", "0XFF"));

    private static readonly Gen<string> Host = Gen.OneOf(
        Label.Array[1, 4].Select(labels => string.Join('.', labels)),
        Octet.Array[1, 5].Select(octets => string.Join('.', octets)),
        Gen.UInt.Select(value => Decimal(value)),
        Gen.OneOf("[::1]", "[::ffff:127.0.0.1]", "[2001:db8::1]", "[::1", "localhost", "xn--bcher-kva.de", "b\u00fccher.de", "a_b", "", "u:p@h", "@h"));

    private static readonly Gen<string> Port = Gen.OneOf(Gen.Const(""), Gen.Int[0, 70000].Select(port => ":" + Decimal(port)), Gen.OneOf(":", ":080", ":a", "::80"));

    private static readonly Gen<string> Tail = Gen.String[Gen.Char[UrlChars], 0, 24];

    private static readonly Gen<string> Urls =
        from scheme in Scheme
        from host in Host
        from port in Port
        from segments in Gen.OneOf(Tail, Gen.OneOf(".", "..", "%2e%2E", "a")).Array[0, 4]
        from query in Gen.OneOf(Gen.Const(""), Tail.Select(tail => "?" + tail))
        select scheme + host + port + string.Concat(segments.Select(segment => "/" + segment)) + query;

    /// <summary>How a client may carry the url in the query: as is, escaped, '+' for spaces, broken escapes, after other parameters.</summary>
    private static readonly Gen<string> Queries =
        from url in Urls
        from encoding in Gen.Int[0, 4]
        select encoding switch
        {
            0 => "?url=" + url,
            1 => "?url=" + Uri.EscapeDataString(url),
            2 => "a=1&url=" + Uri.EscapeDataString(url).Replace("%20", "+", StringComparison.Ordinal) + "&url=http://x/",
            3 => "url=" + url.Replace(".", "%2E", StringComparison.Ordinal) + "%",
            _ => "?url=" + url.Replace("/", "%2f", StringComparison.Ordinal),
        };

    /// <summary>Addresses of the default denies: link-local and unspecified, IPv4 and IPv6.</summary>
    private static readonly Gen<IPAddress> DeniedAddress = Gen.OneOf(
        Gen.UShort.Select(low => new IPAddress(new byte[] { 169, 254, (byte)(low >> 8), (byte)low })),
        Gen.Int[0, 0xFFFFFF].Select(low => new IPAddress(new byte[] { 0, (byte)(low >> 16), (byte)(low >> 8), (byte)low })),
        Gen.Select(Gen.Int[0, 0x3F], Gen.ULong).Select((high, low) => IPv6((ushort)(0xFE80 | high), low)),
        Gen.Const(IPAddress.IPv6Any));

    [Fact]
    public void GeneratedQuery_SpanParseAgreesWithUriParse() =>
        Queries.Sample(query => { TargetUrlParserEquivalenceTests.AssertEquivalent(query); }, iter: 4000);

    [Fact]
    public void AnyQuery_SpanParseAgreesWithUriParse() =>
        Gen.String.Sample(query => { TargetUrlParserEquivalenceTests.AssertEquivalent("?url=" + query); }, iter: 2000);

    [Fact]
    public void AcceptedTarget_IsAbsoluteHttpOrHttps_WithAHostAndNoUserInfo() =>
        Gen.OneOf(Queries, Gen.String.Select(text => "?url=" + text)).Sample(query =>
        {
            if (TargetUrlParser.Parse(query, out var uri) != TargetUrlStatus.Valid)
            {
                return;
            }

            Assert.True(uri!.IsAbsoluteUri);
            Assert.Contains(uri.Scheme, new[] { "http", "https" });
            Assert.NotEmpty(uri.Host);
            Assert.Empty(uri.UserInfo);
            Assert.InRange(uri.Port, 0, 65535);
            Assert.StartsWith("/", uri.PathAndQuery, StringComparison.Ordinal);
        }, iter: 3000);

    [Fact]
    public void DeniedAddress_InAnyNotation_ReachesThePolicyAsThatAddress() =>
        Gen.Select(DeniedAddress, Gen.Int[0, 9], Gen.Bool).Sample((address, notation, https) =>
        {
            var query = "?url=" + Uri.EscapeDataString($"{(https ? "https" : "http")}://{Write(address, notation)}/x");
            var status = TargetUrlParser.Parse(query, new char[query.Length + 1], out var target);
            if (status != TargetUrlStatus.Valid)
            {
                return;
            }

            // UpstreamConnector connects to the host as an address literal, else to what DNS answers for the name,
            // judging each address. Only the root-dot form stays a name ("169.254.1.1." resolves to nothing here).
            var host = target.Host.ToString();
            if (!IPAddress.TryParse(host.Trim('[', ']'), out var literal))
            {
                Assert.EndsWith(".", host, StringComparison.Ordinal);
                return;
            }

            Assert.Equal(Canonical(address), Canonical(literal));
            Assert.False(TargetPolicy.Default.IsAllowed(host, literal), $"{host} is allowed");
        }, iter: 1000);

    /// <summary>The notations Uri and inet_aton read as one address: dotted, whole-number, hex, octal, fewer parts, mapped IPv6.</summary>
    private static string Write(IPAddress address, int notation)
    {
        if (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            var text = address.ToString();
            return notation switch
            {
                0 => $"[{text.ToUpperInvariant()}]",
                1 => $"[{string.Join(':', address.GetAddressBytes().Chunk(2).Select(pair => ((pair[0] << 8) | pair[1]).ToString("x4", CultureInfo.InvariantCulture)))}]",
                _ => $"[{text}]",
            };
        }

        var b = address.GetAddressBytes();
        var value = ((uint)b[0] << 24) | ((uint)b[1] << 16) | ((uint)b[2] << 8) | b[3];
        return notation switch
        {
            0 => Decimal(value),
            1 => "0x" + value.ToString("x", CultureInfo.InvariantCulture),
            2 => string.Join('.', b.Select(part => "0" + Convert.ToString(part, 8))),
            3 => string.Join('.', b.Select(part => "0x" + part.ToString("X", CultureInfo.InvariantCulture))),
            4 => $"{b[0]}.{Decimal(value & 0xFFFFFF)}",
            5 => $"{b[0]}.{b[1]}.{Decimal(value & 0xFFFF)}",
            6 => $"[::ffff:{address}]",
            7 => $"[::FFFF:{((value >> 16) & 0xFFFF):x}:{(value & 0xFFFF):x}]",
            8 => $"{address}.",
            _ => address.ToString(),
        };
    }

    private static IPAddress Canonical(IPAddress address) =>
        address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : new IPAddress(address.GetAddressBytes());

    private static IPAddress IPv6(ushort first, ulong low)
    {
        var bytes = new byte[16];
        bytes[0] = (byte)(first >> 8);
        bytes[1] = (byte)first;
        BitConverter.TryWriteBytes(bytes.AsSpan(8), low);
        return new IPAddress(bytes);
    }

    private static string Decimal(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Decimal(uint value) => value.ToString(CultureInfo.InvariantCulture);
}
