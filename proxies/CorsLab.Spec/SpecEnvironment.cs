using System.Net;
using System.Net.Sockets;

namespace CorsLab.Spec;

/// <summary>
/// Where the cases run: the target under test and the origin behind it. Invalid values throw at the setter.
/// <para>
/// Strings in cases may hold these placeholders, filled from here:
/// <c>{origin}</c> and <c>{origin-https}</c> (base URLs, no trailing slash), <c>{origin-authority}</c> and
/// <c>{origin-https-authority}</c> (<c>host:port</c>), <c>{origin-port}</c>, <c>{refused}</c> (base URL nobody
/// listens on) and <c>{refused-authority}</c>, <c>{denied}</c> (<see cref="DeniedTargetUrl"/>; a case using it is skipped when null),
/// <c>{slow-head-ms}</c>, and <c>{url:/path}</c> (the escaped http origin URL of <c>/path</c>, for raw queries).
/// </para>
/// </summary>
public sealed record SpecEnvironment
{
    /// <summary>The cases' default timeout: longer than any case's own wait (10 MB each way, a 4 s slow head).</summary>
    public static readonly TimeSpan DefaultCaseTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The origin's default pause before its head; the engines under test run with <c>--upstream-timeout 2</c>.</summary>
    public const int DefaultSlowHeadMilliseconds = 4000;

    /// <param name="targetTemplate">The proxy as a URL template holding <c>{url}</c>, e.g. <c>http://127.0.0.1:8080/?url={url}</c>.</param>
    /// <param name="originHttp">The origin's http base URL.</param>
    /// <param name="refusedUrl">A URL nobody listens on; see <see cref="FindRefusedUrl"/>.</param>
    public SpecEnvironment(string targetTemplate, Uri originHttp, Uri refusedUrl)
    {
        TargetTemplate = targetTemplate;
        OriginHttp = originHttp;
        RefusedUrl = refusedUrl;
    }

    public string TargetTemplate
    {
        get;
        init => field = value is not null && value.Contains("{url}", StringComparison.Ordinal) && Uri.TryCreate(value.Replace("{url}", "x", StringComparison.Ordinal), UriKind.Absolute, out _)
            ? value
            : throw new ArgumentException($"target template '{value}' must be an absolute URL holding {{url}}", nameof(value));
    }

    public Uri OriginHttp { get; init => field = Absolute(value); }

    /// <summary>The origin's https base URL; null skips the cases that need it.</summary>
    public Uri? OriginHttps { get; init => field = value is null ? null : Absolute(value); }

    public Uri RefusedUrl { get; init => field = Absolute(value); }

    /// <summary>How long the origin's <c>/slow-head/{ms}</c> waits; must exceed the engine's upstream timeout.</summary>
    public int SlowHeadMilliseconds
    {
        get;
        init => field = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "must be greater than zero");
    } = DefaultSlowHeadMilliseconds;

    /// <summary>
    /// A URL the target must answer with 403 because of its own configuration (our engines run with
    /// <c>--deny-target 127.0.0.2</c>). Null for an external target, whose cases using it are then skipped.
    /// </summary>
    public Uri? DeniedTargetUrl { get; init => field = value is null ? null : Absolute(value); }

    public TimeSpan CaseTimeout
    {
        get;
        init => field = value > TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "must be greater than zero");
    } = DefaultCaseTimeout;

    /// <summary>The denied URL for engines started with <c>--deny-target 127.0.0.2</c>, on the origin's port.</summary>
    public static Uri DeniedLoopbackUrl(Uri originHttp)
    {
        ArgumentNullException.ThrowIfNull(originHttp);
        return new Uri($"http://127.0.0.2:{originHttp.Port}/bytes/16");
    }

    /// <summary>A loopback URL nobody listens on: binds port 0, notes the port, closes it.</summary>
    public static Uri FindRefusedUrl()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)socket.LocalEndPoint!).Port;
        return new Uri($"http://127.0.0.1:{port}/");
    }

    private static Uri Absolute(Uri value) =>
        value is { IsAbsoluteUri: true } ? value : throw new ArgumentException($"'{value}' must be an absolute URL", nameof(value));
}
