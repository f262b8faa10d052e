namespace CorsLab.Spec;

/// <summary>
/// The request a case sends. Which URL it goes to is decided by the first of these that is set:
/// <list type="number">
/// <item><see cref="RawPath"/>: path and query on the target's authority, replacing the template's own (<c>/healthcheck</c>).</item>
/// <item><see cref="OriginPath"/>: an endpoint of the origin (http, or https with <see cref="Https"/>), put into <c>{url}</c>.</item>
/// <item><see cref="RawUrl"/>: a literal <c>url</c> parameter value (<c>ftp://127.0.0.1/</c>), put into <c>{url}</c>.</item>
/// <item>none of them: the template with its <c>url</c> parameter removed.</item>
/// </list>
/// <c>{url}</c> is always filled with <see cref="Uri.EscapeDataString(string)"/> of the value. Strings may hold
/// the placeholders <see cref="SpecEnvironment"/> defines.
/// </summary>
public sealed record SpecRequest
{
    public string Method { get; init; } = "GET";

    public string? OriginPath { get; init; }

    /// <summary>With <see cref="OriginPath"/>: go to the origin's https listener.</summary>
    public bool Https { get; init; }

    public string? RawUrl { get; init; }

    public string? RawPath { get; init; }

    /// <summary>Appended verbatim (after placeholders) to the final URL, e.g. a second <c>&amp;url=…</c>.</summary>
    public string? ExtraQuery { get; init; }

    public IReadOnlyList<SpecHeader> Headers { get; init; } = [];

    public SpecBody Body { get; init; } = SpecBody.None;

    /// <summary>
    /// Send over a plain socket instead of <c>HttpClient</c>: for headers <c>HttpClient</c> will not send as
    /// given (<c>Proxy-Connection</c>, <c>Upgrade</c>, <c>TE</c>, <c>Trailer</c>, …). Only for bodiless requests.
    /// </summary>
    public bool RawSocket { get; init; }
}
